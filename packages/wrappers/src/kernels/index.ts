export {
  installFastKernels,
  uninstallFastKernels,
  fastKernelsInstalled,
  type FastKernelOptions,
} from './installFastKernels';
