export function checkEstimator() {}
