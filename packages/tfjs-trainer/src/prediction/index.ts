// Prediction outside tfjs's graph for the models the training engine knows (Dense chains).
export { denseChainOf, type DenseLink } from './denseChainOf';
export {
  predictDenseChain,
  type HostMatrixLike,
  type PredictDenseChainOptions,
} from './predictDenseChain';
