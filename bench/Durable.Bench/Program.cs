// Engine benchmarks with the system clock, on the SQLite store or (with --azurite) on the Azure Storage store
// against an Azurite this program starts. Run in Release:
//   dotnet run -c Release --project bench/Durable.Bench -- [sequential|fanout|waiting|latency] [--azurite]
// Azurite is far slower than SQLite, so its runs use a tenth of the work (the rates stay comparable).
using System.Diagnostics;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflows.Durable.Bench;

var which = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "all";
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
await using var azurite = args.Contains("--azurite") ? new Workflows.TestSupport.Azurite() : null;
if (azurite is not null)
{
    await azurite.InitializeAsync();
    EngineUnderTest.AzureConnectionString = azurite.ConnectionString;
}

var scale = azurite is null ? 1 : 10;
Console.WriteLine($"store: {(azurite is null ? "sqlite" : "azure storage on azurite")}");

if (which is "all" or "sequential")
{
    await Sequential(scale);
}

if (which is "all" or "fanout")
{
    await FanOut(scale);
}

if (which is "all" or "waiting")
{
    await Waiting(scale);
}

if (which is "all" or "latency")
{
    await Latency(scale);
}

// (a) 200 instances x 10 sequential activities.
static async Task Sequential(int scale)
{
    var instances = 200 / scale;
    await using var engine = await EngineUnderTest.StartAsync(Tasks);
    var watch = Stopwatch.StartNew();
    var ids = new List<string>();
    for (var i = 0; i < instances; i++)
    {
        ids.Add(await engine.Client.ScheduleNewOrchestrationInstanceAsync("Chain", 10));
    }

    foreach (var id in ids)
    {
        await engine.Client.WaitForInstanceCompletionAsync(id);
    }

    watch.Stop();
    Console.WriteLine($"(a) sequential: {instances} x 10 activities in {watch.Elapsed.TotalSeconds:F2} s = {instances * 10 / watch.Elapsed.TotalSeconds:F0} activity round trips/s");
}

// (b) one orchestration fanning out 5,000 activities.
static async Task FanOut(int scale)
{
    var count = 5000 / scale;
    await using var engine = await EngineUnderTest.StartAsync(Tasks);
    var watch = Stopwatch.StartNew();
    var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("FanOut", count);
    var result = await engine.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true);
    watch.Stop();
    Console.WriteLine($"(b) fan-out: {count} activities in {watch.Elapsed.TotalSeconds:F2} s = {count / watch.Elapsed.TotalSeconds:F0} activities/s ({result.RuntimeStatus}, sum {result.ReadOutputAs<int>()})");
}

// (c) 10,000 instances waiting on durable timers: memory of the process that holds them.
static async Task Waiting(int scale)
{
    var before = Process.GetCurrentProcess().WorkingSet64;
    await using var engine = await EngineUnderTest.StartAsync(Tasks);
    var watch = Stopwatch.StartNew();
    var ids = new List<string>();
    for (var i = 0; i < 10_000 / scale; i++)
    {
        ids.Add(await engine.Client.ScheduleNewOrchestrationInstanceAsync("Sleep", 30));
    }

    var scheduled = watch.Elapsed;
    foreach (var id in ids)
    {
        await engine.Client.WaitForInstanceStartAsync(id);
    }

    Console.WriteLine($"    scheduled in {scheduled.TotalSeconds:F1} s, all started after {watch.Elapsed.TotalSeconds:F1} s");
    var running = 0;
    await foreach (var page in engine.Client.GetAllInstancesAsync(new OrchestrationQuery { Statuses = [OrchestrationRuntimeStatus.Running], PageSize = 1000 }).AsPages())
    {
        running += page.Values.Count;
    }

    watch.Stop();
    GC.Collect();
    GC.WaitForPendingFinalizers();
    GC.Collect();
    using var process = Process.GetCurrentProcess();
    Console.WriteLine($"(c) waiting: {running} instances waiting on 30-day timers after {watch.Elapsed.TotalSeconds:F1} s; " +
        $"working set {process.WorkingSet64 / 1048576.0:F0} MB (before engine {before / 1048576.0:F0} MB), managed heap {GC.GetTotalMemory(false) / 1048576.0:F0} MB");
}

// (d) start latency: schedule call and schedule-to-running, one instance at a time.
static async Task Latency(int scale)
{
    var warmUp = 100 / scale;
    await using var engine = await EngineUnderTest.StartAsync(Tasks);
    var schedule = new List<double>();
    var started = new List<double>();
    for (var i = 0; i < 1000 / scale; i++)
    {
        var watch = Stopwatch.StartNew();
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Noop");
        schedule.Add(watch.Elapsed.TotalMilliseconds);
        await engine.Client.WaitForInstanceStartAsync(id);
        started.Add(watch.Elapsed.TotalMilliseconds);
    }

    static double P(List<double> values, double p) => values.Order().ElementAt((int)Math.Ceiling(p * values.Count) - 1);
    var s = schedule.Skip(warmUp).ToList();
    var r = started.Skip(warmUp).ToList();
    Console.WriteLine($"(d) latency over {s.Count} starts (after {warmUp} warm-up): schedule p50 {P(s, 0.5):F2} ms, p99 {P(s, 0.99):F2} ms; " +
        $"schedule-to-running p50 {P(r, 0.5):F2} ms, p99 {P(r, 0.99):F2} ms");
}

static void Tasks(DurableTaskRegistry r) => r
    .AddActivityFunc<int, int>("Inc", (_, n) => n + 1)
    .AddOrchestratorFunc<int, int>("Chain", async (ctx, steps) =>
    {
        var n = 0;
        for (var i = 0; i < steps; i++)
        {
            n = await ctx.CallActivityAsync<int>("Inc", n);
        }

        return n;
    })
    .AddOrchestratorFunc<int, int>("FanOut", async (ctx, count) =>
    {
        var results = await Task.WhenAll(Enumerable.Range(0, count).Select(i => ctx.CallActivityAsync<int>("Inc", 0)));
        return results.Sum();
    })
    .AddOrchestratorFunc<int, int>("Sleep", async (ctx, days) =>
    {
        await ctx.CreateTimer(TimeSpan.FromDays(days), CancellationToken.None);
        return days;
    })
    .AddOrchestratorFunc<object?, int>("Noop", (_, _) => Task.FromResult(0));
