// The fast matMul kernels (docs/PERFORMANCE.md).
export {
  installFastKernels,
  withFastKernels,
  fastKernelsInstalled,
  fastKernel,
  type FastKernelOptions,
  type FastKernelsHandle,
} from './installFastKernels';
