using Workflows.Durable.Tests.Support;

namespace Workflows.Durable.Tests.Replay;

public abstract class OrchestrationExecutorTests : EngineTests
{
    private sealed class CodeVersion
    {
        public int Value { get; set; } = 1;
    }

    [Fact]
    public async Task Replay_CodeAsksForAnotherActivity_FailsNamingBoth()
    {
        var version = new CodeVersion();
        await using var host = await EngineHost.StartAsync(Store, r => r
            .AddActivityFunc<object?, string>("SendWelcomeLetter", (_, _) => "sent")
            .AddActivityFunc<object?, string>("SendReminder", (_, _) => "sent")
            .AddOrchestratorFunc<object?, string>("Onboard", async (ctx, _) =>
            {
                await ctx.CallActivityAsync<string>(version.Value == 1 ? "SendWelcomeLetter" : "SendReminder");
                return await ctx.WaitForExternalEvent<string>("Signed");
            }),
            worker: o => o.ExecutorCacheSize = 0);
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Onboard");
        await host.IdleAsync();

        version.Value = 2;
        await host.Client.RaiseEventAsync(id, "Signed", "yes");

        var result = await host.CompletionAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Equal(typeof(NonDeterministicOrchestrationException).FullName, result.FailureDetails!.ErrorType);
        Assert.Contains("history recorded activity 'SendWelcomeLetter' as task #0", result.FailureDetails.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("now asks for activity 'SendReminder'", result.FailureDetails.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_CodeAsksForATimerWhereHistoryHasAnActivity_FailsNamingBoth()
    {
        var version = new CodeVersion();
        await using var host = await EngineHost.StartAsync(Store, r => r
            .AddActivityFunc<object?, string>("Notify", (_, _) => "ok")
            .AddOrchestratorFunc<object?, string>("Flow", async (ctx, _) =>
            {
                if (version.Value == 1)
                {
                    await ctx.CallActivityAsync<string>("Notify");
                }
                else
                {
                    await ctx.CreateTimer(TimeSpan.FromDays(1), CancellationToken.None);
                }

                return await ctx.WaitForExternalEvent<string>("Go");
            }),
            worker: o => o.ExecutorCacheSize = 0);
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Flow");
        await host.IdleAsync();

        version.Value = 2;
        await host.Client.RaiseEventAsync(id, "Go", "now");

        var failure = (await host.CompletionAsync(id)).FailureDetails!;
        Assert.Contains("activity 'Notify'", failure.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("a timer", failure.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_CodeNoLongerAsksForARecordedTask_Fails()
    {
        var version = new CodeVersion();
        await using var host = await EngineHost.StartAsync(Store, r => r
            .AddActivityFunc<object?, string>("Notify", (_, _) => "ok")
            .AddOrchestratorFunc<object?, string>("Flow", async (ctx, _) =>
            {
                if (version.Value == 1)
                {
                    await ctx.CallActivityAsync<string>("Notify");
                }

                return await ctx.WaitForExternalEvent<string>("Go");
            }),
            worker: o => o.ExecutorCacheSize = 0);
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Flow");
        await host.IdleAsync();

        version.Value = 2;
        await host.Client.RaiseEventAsync(id, "Go", "now");

        var failure = (await host.CompletionAsync(id)).FailureDetails!;
        Assert.Contains("did not ask for anything as that task", failure.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Orchestrator_UncaughtException_FailsTheInstanceWithItsDetails()
    {
        await using var host = await EngineHost.StartAsync(Store, r => r
            .AddOrchestratorFunc<object?, string>("Throws", (_, _) => throw new ArgumentException("unknown unit")));

        var result = await host.RunAsync("Throws");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Equal("System.ArgumentException", result.FailureDetails!.ErrorType);
        Assert.Equal("unknown unit", result.FailureDetails.ErrorMessage);
        Assert.NotNull(result.FailureDetails.StackTrace);
    }

    [Fact]
    public async Task Orchestrator_UncaughtActivityFailure_FailsWithTheActivityAsInnerFailure()
    {
        await using var host = await EngineHost.StartAsync(Store, r => r
            .AddActivityFunc<object?, string>("Archive", (_, _) => Throwing.Raise<string>(new IOException("disk full")))
            .AddOrchestratorFunc<object?, string>("Flow", async (ctx, _) => await ctx.CallActivityAsync<string>("Archive")));

        var result = await host.RunAsync("Flow");

        Assert.Equal(typeof(TaskFailedException).FullName, result.FailureDetails!.ErrorType);
        Assert.Equal("System.IO.IOException", result.FailureDetails.InnerFailure!.ErrorType);
        Assert.Equal("disk full", result.FailureDetails.InnerFailure.ErrorMessage);
    }

    [Fact]
    public async Task Orchestrator_NotRegistered_FailsClearly()
    {
        await using var host = await EngineHost.StartAsync(Store, r => r.AddActivityFunc<int, int>("Noop", (_, n) => n));

        var result = await host.RunAsync("Missing");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Contains("No orchestrator named 'Missing'", result.FailureDetails!.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Activity_NotRegistered_SurfacesAsTaskFailure()
    {
        await using var host = await EngineHost.StartAsync(Store, r => r
            .AddOrchestratorFunc<object?, string>("Flow", async (ctx, _) => await ctx.CallActivityAsync<string>("Missing")));

        var result = await host.RunAsync("Flow");

        Assert.Contains("No activity named 'Missing'", result.FailureDetails!.InnerFailure!.ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1000)]
    public async Task FanOutFanIn_TwoHundredActivities_AllResultsArrive(int cacheSize)
    {
        await using var host = await EngineHost.StartAsync(Store, r => r
            .AddActivityFunc<int, int>("Square", (_, n) => n * n)
            .AddOrchestratorFunc<int, long>("FanOut", async (ctx, count) =>
            {
                var tasks = Enumerable.Range(1, count).Select(i => ctx.CallActivityAsync<int>("Square", i)).ToList();
                var results = await Task.WhenAll(tasks);
                return results.Sum(r => (long)r);
            }),
            worker: o => o.ExecutorCacheSize = cacheSize);

        var result = await host.RunAsync("FanOut", 200);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(Enumerable.Range(1, 200).Sum(i => (long)i * i), result.ReadOutputAs<long>());
    }

    [Fact]
    public async Task Payload_OfOneMegabyte_RoundTripsThroughActivityAndOutput()
    {
        var big = new string('æ', 1024 * 1024);
        await using var host = await EngineHost.StartAsync(Store, r => r
            .AddActivityFunc<string, string>("Reverse", (_, s) => new string(s.Reverse().ToArray()) + "ø")
            .AddOrchestratorFunc<string, string>("Big", async (ctx, s) => await ctx.CallActivityAsync<string>("Reverse", s)));

        var result = await host.RunAsync("Big", big);

        Assert.Equal(big + "ø", result.ReadOutputAs<string>());
        Assert.Equal(big, result.ReadInputAs<string>());
    }

    public sealed class OnSqlite : OrchestrationExecutorTests
    {
        protected override Task<EngineStore> CreateStoreAsync() => SqliteAsync();
    }

    public sealed class OnAzurite : OrchestrationExecutorTests
    {
        protected override Task<EngineStore> CreateStoreAsync() => AzuriteAsync();
    }
}
