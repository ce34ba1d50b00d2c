using BenchmarkDotNet.Running;
using Steward.Benchmarks.Load;

if (args.Length > 0 && args[0] == "load-decisions")
    return await DecisionLoad.RunAsync(args[1..]);
if (args.Length > 0 && args[0] == "load-sidecar")
    return await Steward.Benchmarks.Sidecar.SidecarLoad.RunAsync(args[1..]);
if (args.Length > 0 && args[0] == "policy-eval-rate")
    return Steward.Benchmarks.Policy.EvalRate.Run(args[1..]);
if (args.Length > 0 && args[0] == "gate-latency")
    return await Steward.Benchmarks.Lifecycle.GateLatency.RunAsync(args[1..]);
if (args.Length > 0 && args[0] == "dashboard-latency")
    return await Steward.Benchmarks.Lifecycle.DashboardLatency.RunAsync(args[1..]);
if (args.Length > 0 && args[0] == "pii-pattern-rate")
    return Steward.Benchmarks.Pii.PatternRate.Run(args[1..]);
if (args.Length > 0 && args[0] == "pii-profile")
    return Steward.Benchmarks.Pii.PatternProfile.Run(args[1..]);
if (args.Length > 0 && args[0] == "pii-cells")
    return Steward.Benchmarks.Pii.CellProfile.Run(args[1..]);
if (args.Length > 0 && args[0] == "drift-report-scale")
    return Steward.Benchmarks.Drift.DriftReportScale.Run(args[1..]);
if (args.Length > 0 && args[0] == "drift-profile-scale")
    return Steward.Benchmarks.Drift.DriftProfileScale.Run(args[1..]);
if (args.Length > 0 && args[0] == "drift-accumulator-rate")
    return Steward.Benchmarks.Drift.AccumulatorRate.Run(args[1..]);
if (args.Length > 0 && args[0] == "drift-csv-ingest")
    return Steward.Benchmarks.Drift.CsvIngestRate.Run(args[1..]);
if (args.Length > 0 && args[0] == "drift-report-files")
    return Steward.Benchmarks.Drift.DriftReportFiles.Run(args[1..]);
if (args.Length > 0 && args[0] == "pii-scan-run")
    return await Steward.Benchmarks.Pii.ScanRun.RunAsync(args[1..]);
if (args.Length > 0 && args[0] == "monitor-label-rate")
    return await Steward.Benchmarks.Monitors.MonitorLabelRate.RunAsync(args[1..]);
if (args.Length > 0 && args[0] == "monitor-ingest-rate")
    return await Steward.Benchmarks.Monitors.MonitorIngestRate.RunAsync(args[1..]);
if (args.Length > 0 && args[0] == "make-ledger")
    return await LedgerFixture.RunAsync(args[1..]);
BenchmarkSwitcher.FromAssembly(typeof(DecisionLoad).Assembly).Run(args);
return 0;
