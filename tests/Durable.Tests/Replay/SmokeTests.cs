using Workflows.Durable.Tests.Support;

namespace Workflows.Durable.Tests.Replay;

public sealed class SmokeTests
{
    [Fact]
    public async Task Sequence_OfActivities_Completes()
    {
        await using var host = await EngineHost.StartAsync(r => r
            .AddActivityFunc<int, int>("Double", (_, n) => n * 2)
            .AddOrchestratorFunc<int, int>("Chain", async (ctx, n) =>
            {
                for (var i = 0; i < 3; i++)
                {
                    n = await ctx.CallActivityAsync<int>("Double", n);
                }

                return n;
            }));

        var result = await host.RunAsync("Chain", 1);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(8, result.ReadOutputAs<int>());
    }
}
