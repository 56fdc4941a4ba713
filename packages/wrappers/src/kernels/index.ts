export {
  installFastKernels,
  uninstallFastKernels,
  fastKernelsInstalled,
  type FastKernelOptions,
} from './installFastKernels';
export { setFastKernels, fastKernelsEnabled, ensureFastKernels } from './setFastKernels';
