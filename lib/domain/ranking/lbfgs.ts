/**
 * Limited-memory BFGS for smooth convex objectives (Nocedal & Wright 2006,
 * Algorithm 7.4, two-loop recursion) with a backtracking Armijo line search.
 */

/** Writes the gradient at x into `gradient` and returns the objective. */
export type Objective = (x: Float64Array, gradient: Float64Array) => number;

export type LbfgsOptions = {
  maxIterations?: number;
  /** Stop when max |gradient| falls below this. */
  gradientTolerance?: number;
  /** Stop when the objective improves by less than this share. */
  relativeTolerance?: number;
  memory?: number;
};

/** Minimises `objective` from `start` (modified in place and returned). */
export function minimizeLbfgs(objective: Objective, start: Float64Array, options: LbfgsOptions = {}): Float64Array {
  const maxIterations = options.maxIterations ?? 200;
  const gradientTolerance = options.gradientTolerance ?? 1e-5;
  const relativeTolerance = options.relativeTolerance ?? 1e-8;
  const memory = options.memory ?? 7;
  const n = start.length;
  const x = start;
  let gradient = new Float64Array(n);
  let value = objective(x, gradient);

  const sHistory: Float64Array[] = [];
  const yHistory: Float64Array[] = [];
  const rhoHistory: number[] = [];
  const direction = new Float64Array(n);
  const alphas = new Float64Array(memory);
  const trial = new Float64Array(n);
  let trialGradient = new Float64Array(n);

  for (let iteration = 0; iteration < maxIterations; iteration++) {
    if (maxAbs(gradient) < gradientTolerance) break;

    // Two-loop recursion: direction = -H * gradient.
    for (let i = 0; i < n; i++) direction[i] = -gradient[i];
    for (let h = sHistory.length - 1; h >= 0; h--) {
      alphas[h] = rhoHistory[h] * dot(sHistory[h], direction);
      axpy(-alphas[h], yHistory[h], direction);
    }
    if (sHistory.length > 0) {
      const last = sHistory.length - 1;
      const gamma = dot(sHistory[last], yHistory[last]) / dot(yHistory[last], yHistory[last]);
      for (let i = 0; i < n; i++) direction[i] *= gamma;
    } else {
      const scale = 1 / Math.max(1, Math.sqrt(dot(gradient, gradient)));
      for (let i = 0; i < n; i++) direction[i] *= scale;
    }
    for (let h = 0; h < sHistory.length; h++) {
      const beta = rhoHistory[h] * dot(yHistory[h], direction);
      axpy(alphas[h] - beta, sHistory[h], direction);
    }
    let slope = dot(gradient, direction);
    if (slope >= 0) {
      // Not a descent direction (numerical trouble): restart from steepest descent.
      sHistory.length = yHistory.length = rhoHistory.length = 0;
      for (let i = 0; i < n; i++) direction[i] = -gradient[i];
      slope = dot(gradient, direction);
    }
    let step = 1;
    let trialValue = Infinity;
    for (let attempt = 0; attempt < 30; attempt++) {
      for (let i = 0; i < n; i++) trial[i] = x[i] + step * direction[i];
      trialValue = objective(trial, trialGradient);
      if (trialValue <= value + 1e-4 * step * slope) break;
      step *= 0.5;
    }
    if (!(trialValue < value)) break;
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = trial[i] - x[i];
      y[i] = trialGradient[i] - gradient[i];
    }
    const sy = dot(s, y);
    if (sy > 1e-12) {
      if (sHistory.length === memory) {
        sHistory.shift();
        yHistory.shift();
        rhoHistory.shift();
      }
      sHistory.push(s);
      yHistory.push(y);
      rhoHistory.push(1 / sy);
    }
    x.set(trial);
    const improvement = (value - trialValue) / Math.max(Math.abs(value), 1e-12);
    value = trialValue;
    [gradient, trialGradient] = [trialGradient, gradient];
    // The first steps from a warm start can be tiny (steepest descent, scaled);
    // judge stagnation only once curvature pairs exist.
    if (iteration >= 3 && improvement < relativeTolerance) break;
  }
  return x;
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}

function axpy(scale: number, x: Float64Array, target: Float64Array): void {
  for (let i = 0; i < x.length; i++) target[i] += scale * x[i];
}

function maxAbs(a: Float64Array): number {
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i]));
  return max;
}
