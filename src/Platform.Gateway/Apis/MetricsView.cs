using Platform.Contracts.Logs;

namespace Platform.Gateway.Apis;

/// <summary><c>GET /api/jobs/{id}/metrics</c>: <c>{ series: [{ task, name, points: [{ step, time, value }] }] }</c>.</summary>
public sealed record MetricsView(IReadOnlyList<MetricSeries> Series);
