/**
 * L2-regularised logistic regression fitted by Newton's method (IRLS): few features (rule
 * indicators), many people, exact and deterministic. The intercept is not penalised.
 */
export type LogisticModel = { intercept: number; weights: number[]; iterations: number; converged: boolean };

const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

export function predict(model: Pick<LogisticModel, 'intercept' | 'weights'>, x: readonly number[]): number {
  let z = model.intercept;
  for (let j = 0; j < model.weights.length; j++) z += model.weights[j]! * x[j]!;
  return sigmoid(z);
}

export function fitLogisticRegression(
  rows: readonly (readonly number[])[], y: readonly boolean[], options: { lambda?: number; maxIterations?: number; tolerance?: number } = {},
): LogisticModel {
  const lambda = options.lambda ?? 1;
  const maxIterations = options.maxIterations ?? 50;
  const tolerance = options.tolerance ?? 1e-8;
  const n = rows.length;
  const d = (rows[0]?.length ?? 0) + 1; // column 0 is the intercept
  if (n === 0) throw new Error('no rows to fit');
  const beta = new Float64Array(d);
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    const hessian = Array.from({ length: d }, () => new Float64Array(d));
    const gradient = new Float64Array(d);
    for (let i = 0; i < n; i++) {
      const row = rows[i]!;
      let z = beta[0]!;
      for (let j = 1; j < d; j++) z += beta[j]! * row[j - 1]!;
      const p = sigmoid(z);
      const w = Math.max(p * (1 - p), 1e-12);
      const r = (y[i] ? 1 : 0) - p;
      for (let a = 0; a < d; a++) {
        const xa = a === 0 ? 1 : row[a - 1]!;
        if (xa === 0) continue;
        gradient[a]! += xa * r;
        for (let b = a; b < d; b++) {
          const xb = b === 0 ? 1 : row[b - 1]!;
          if (xb !== 0) hessian[a]![b]! += w * xa * xb;
        }
      }
    }
    for (let a = 0; a < d; a++) for (let b = 0; b < a; b++) hessian[a]![b] = hessian[b]![a]!;
    for (let j = 1; j < d; j++) {
      gradient[j]! -= lambda * beta[j]!;
      hessian[j]![j]! += lambda;
    }
    hessian[0]![0]! += 1e-9; // keeps an all-one-outcome sample solvable
    const step = solve(hessian, gradient);
    let change = 0;
    for (let j = 0; j < d; j++) {
      beta[j]! += step[j]!;
      change = Math.max(change, Math.abs(step[j]!));
    }
    if (change < tolerance) return { intercept: beta[0]!, weights: [...beta.slice(1)], iterations: iteration, converged: true };
  }
  return { intercept: beta[0]!, weights: [...beta.slice(1)], iterations: maxIterations, converged: false };
}

/** Solves A·x = b for a symmetric positive-definite A (Gaussian elimination with partial pivoting). */
function solve(a: Float64Array[], b: Float64Array): Float64Array {
  const n = b.length;
  const m = a.map((row, i) => {
    const r = new Float64Array(n + 1);
    r.set(row);
    r[n] = b[i]!;
    return r;
  });
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    const p = m[col]![col]!;
    if (Math.abs(p) < 1e-15) continue;
    for (let r = col + 1; r < n; r++) {
      const f = m[r]![col]! / p;
      if (f === 0) continue;
      for (let c = col; c <= n; c++) m[r]![c]! -= f * m[col]![c]!;
    }
  }
  const x = new Float64Array(n);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r]![n]!;
    for (let c = r + 1; c < n; c++) s -= m[r]![c]! * x[c]!;
    const p = m[r]![r]!;
    x[r] = Math.abs(p) < 1e-15 ? 0 : s / p;
  }
  return x;
}
