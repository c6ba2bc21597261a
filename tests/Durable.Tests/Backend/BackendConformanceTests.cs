using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace DurableBackend.Tests;

public sealed class BackendConformanceTests
{
    [Fact]
    public async Task Activities_RunInSequence_AndTheOutputComesBack()
    {
        await using var host = await BackendHost.StartAsync(r => r
            .AddActivityFunc<int, int>("Inc", (_, n) => n + 1)
            .AddOrchestratorFunc<int, int>("Chain", async (ctx, n) =>
            {
                for (var i = 0; i < 10; i++)
                {
                    n = await ctx.CallActivityAsync<int>("Inc", n);
                }

                return n;
            }));

        var done = await host.RunAsync("Chain", 5);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(15, done.ReadOutputAs<int>());
    }

    [Fact]
    public async Task A90DayTimer_FiresWhenTheFakeClockGetsThere()
    {
        await using var host = await BackendHost.StartAsync(r => r.AddOrchestratorFunc<object?, DateTime>("Quarter", async (ctx, _) =>
        {
            await ctx.CreateTimer(TimeSpan.FromDays(90), CancellationToken.None);
            return ctx.CurrentUtcDateTime;
        }));
        var start = host.Clock.GetUtcNow();
        await host.Client.ScheduleNewOrchestrationInstanceAsync("Quarter", new StartOrchestrationOptions("q1"));
        await host.IdleAsync();
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await host.Client.GetInstanceAsync("q1"))!.RuntimeStatus);

        await host.AdvanceAsync(TimeSpan.FromDays(91));

        var done = await host.CompletionAsync("q1");
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(start.UtcDateTime.AddDays(90), done.ReadOutputAs<DateTime>());
    }

    [Fact]
    public async Task AnEvent_RaisedBeforeItIsAwaited_IsKept()
    {
        await using var host = await BackendHost.StartAsync(r => r.AddOrchestratorFunc<object?, string>("Wait", async (ctx, _) =>
        {
            await ctx.CreateTimer(TimeSpan.FromDays(1), CancellationToken.None);
            return await ctx.WaitForExternalEvent<string>("Signed");
        }));
        await host.Client.ScheduleNewOrchestrationInstanceAsync("Wait", new StartOrchestrationOptions("w1"));
        await host.IdleAsync();

        await host.Client.RaiseEventAsync("w1", "Signed", "yes");
        await host.AdvanceAsync(TimeSpan.FromDays(2));

        Assert.Equal("yes", (await host.CompletionAsync("w1")).ReadOutputAs<string>());
    }
}
