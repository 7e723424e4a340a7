// GET /api/health: liveness for load balancers and benchmarks; touches nothing.
export function GET(): Response {
  return Response.json({ status: 'ok' }, { headers: { 'cache-control': 'no-store' } });
}
