using Workflows.Durable.Tests.Support;

namespace Workflows.Durable.Tests.Client;

public abstract class StoreDurableTaskClientTests : EngineTests
{
    private Task<EngineHost> StartWaiting() => EngineHost.StartAsync(Store, r => r
        .AddActivityFunc<string, string>("Echo", (_, s) => s)
        .AddOrchestratorFunc<string, string>("Wait", async (ctx, input) =>
        {
            var answer = await ctx.WaitForExternalEvent<string>("Answer");
            return await ctx.CallActivityAsync<string>("Echo", input + ":" + answer);
        }));

    [Fact]
    public async Task Schedule_WithInstanceId_UsesIt()
    {
        await using var host = await StartWaiting();

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Wait", "in", new StartOrchestrationOptions { InstanceId = "ahus-onboarding-42" });

        Assert.Equal("ahus-onboarding-42", id);
        var started = await host.Client.WaitForInstanceStartAsync(id, getInputsAndOutputs: true);
        Assert.Equal(OrchestrationRuntimeStatus.Running, started.RuntimeStatus);
        Assert.Equal("in", started.ReadInputAs<string>());
        Assert.Equal("Wait", started.Name);
    }

    [Fact]
    public async Task Schedule_IdOfAnUnfinishedInstance_IsRefusedClearly()
    {
        await using var host = await StartWaiting();
        await host.Client.ScheduleNewOrchestrationInstanceAsync("Wait", "a", new StartOrchestrationOptions("same"));

        var error = await Assert.ThrowsAsync<OrchestrationAlreadyExistsException>(() =>
            host.Client.ScheduleNewOrchestrationInstanceAsync("Wait", "b", new StartOrchestrationOptions("same")));

        Assert.Equal("same", error.InstanceId);
        Assert.Contains("already exists", error.Message, StringComparison.Ordinal);
        Assert.Equal("a", (await host.Client.GetInstanceAsync("same", getInputsAndOutputs: true))!.ReadInputAs<string>());
    }

    [Fact]
    public async Task Schedule_IdOfAFinishedInstance_StartsItAfresh()
    {
        await using var host = await StartWaiting();
        await host.Client.ScheduleNewOrchestrationInstanceAsync("Wait", "first", new StartOrchestrationOptions("again"));
        await host.Client.RaiseEventAsync("again", "Answer", "1");
        await host.CompletionAsync("again");

        await host.Client.ScheduleNewOrchestrationInstanceAsync("Wait", "second", new StartOrchestrationOptions("again"));
        await host.Client.RaiseEventAsync("again", "Answer", "2");

        Assert.Equal("second:2", (await host.CompletionAsync("again")).ReadOutputAs<string>());
    }

    [Theory]
    [InlineData("")]
    [InlineData("has/slash")]
    [InlineData("bad\nline")]
    public async Task Schedule_InvalidInstanceId_IsRefused(string id)
    {
        await using var host = await StartWaiting();

        await Assert.ThrowsAsync<ArgumentException>(() => host.Client.ScheduleNewOrchestrationInstanceAsync("Wait", "x", new StartOrchestrationOptions(id)));
    }

    [Fact]
    public async Task Schedule_WithStartAt_StaysPendingUntilThen_AndKeepsEarlyEvents()
    {
        await using var host = await StartWaiting();
        var startAt = host.Clock.GetUtcNow().AddDays(3);
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Wait", "later", new StartOrchestrationOptions { StartAt = startAt });
        await host.Client.RaiseEventAsync(id, "Answer", "early");

        await host.AdvanceAsync(TimeSpan.FromDays(2));
        Assert.Equal(OrchestrationRuntimeStatus.Pending, (await host.Client.GetInstanceAsync(id))!.RuntimeStatus);
        await host.AdvanceAsync(TimeSpan.FromDays(1));

        Assert.Equal("later:early", (await host.CompletionAsync(id)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task GetInstance_Unknown_ReturnsNull()
    {
        await using var host = await StartWaiting();

        Assert.Null(await host.Client.GetInstanceAsync("nobody"));
    }

    [Fact]
    public async Task GetInstance_WithoutInputsAndOutputs_LeavesPayloadsOut()
    {
        await using var host = await StartWaiting();
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Wait", "secret");

        var metadata = await host.Client.GetInstanceAsync(id);

        Assert.Null(metadata!.SerializedInput);
    }

    [Fact]
    public async Task RaiseEvent_UnknownInstance_ThrowsNotFound()
    {
        await using var host = await StartWaiting();

        await Assert.ThrowsAsync<OrchestrationNotFoundException>(() => host.Client.RaiseEventAsync("nobody", "Answer", "x"));
    }

    [Fact]
    public async Task Terminate_RunningInstance_EndsItWithTheGivenOutput()
    {
        await using var host = await StartWaiting();
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Wait", "x");
        await host.IdleAsync();

        await host.Client.TerminateInstanceAsync(id, "stopped by operator");

        var result = await host.CompletionAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, result.RuntimeStatus);
        Assert.Equal("stopped by operator", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task Suspend_HoldsEventsUntilResume()
    {
        await using var host = await StartWaiting();
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Wait", "x");
        await host.IdleAsync();

        await host.Client.SuspendInstanceAsync(id, "checking the unit");
        await host.IdleAsync();
        await host.Client.RaiseEventAsync(id, "Answer", "held");
        await host.IdleAsync();
        Assert.Equal(OrchestrationRuntimeStatus.Suspended, (await host.Client.GetInstanceAsync(id))!.RuntimeStatus);

        await host.Client.ResumeInstanceAsync(id, "done checking");

        var result = await host.CompletionAsync(id);
        Assert.Equal("x:held", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task Terminate_SuspendedInstance_Terminates()
    {
        await using var host = await StartWaiting();
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Wait", "x");
        await host.Client.SuspendInstanceAsync(id);
        await host.IdleAsync();

        await host.Client.TerminateInstanceAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Terminated, (await host.CompletionAsync(id)).RuntimeStatus);
    }

    [Fact]
    public async Task GetAllInstances_FiltersByStatusPrefixAndCreatedRange_AndPages()
    {
        await using var host = await StartWaiting();
        var t0 = host.Clock.GetUtcNow();
        for (var i = 0; i < 5; i++)
        {
            await host.Client.ScheduleNewOrchestrationInstanceAsync("Wait", "x", new StartOrchestrationOptions($"ahus-{i}"));
            host.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        await host.Client.ScheduleNewOrchestrationInstanceAsync("Wait", "x", new StartOrchestrationOptions("forde-0"));
        await host.Client.RaiseEventAsync("ahus-0", "Answer", "done");
        await host.CompletionAsync("ahus-0");
        await host.IdleAsync();

        var ahus = await ToList(host.Client.GetAllInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = "ahus-", PageSize = 2 }));
        Assert.Equal(["ahus-0", "ahus-1", "ahus-2", "ahus-3", "ahus-4"], ahus.Select(m => m.InstanceId));

        var running = await ToList(host.Client.GetAllInstancesAsync(new OrchestrationQuery { Statuses = [OrchestrationRuntimeStatus.Running] }));
        Assert.Equal(5, running.Count);
        Assert.DoesNotContain(running, m => m.InstanceId == "ahus-0");

        var window = await ToList(host.Client.GetAllInstancesAsync(new OrchestrationQuery { CreatedFrom = t0.AddMinutes(1), CreatedTo = t0.AddMinutes(3) }));
        Assert.Equal(["ahus-1", "ahus-2", "ahus-3"], window.Select(m => m.InstanceId));

        var pages = new List<int>();
        string? token = null;
        await foreach (var page in host.Client.GetAllInstancesAsync(new OrchestrationQuery { PageSize = 4 }).AsPages())
        {
            pages.Add(page.Values.Count);
            token = page.ContinuationToken;
        }

        Assert.Equal([4, 2], pages);
        Assert.Null(token);
    }

    [Fact]
    public async Task Purge_RemovesOnlyFinishedInstances()
    {
        await using var host = await StartWaiting();
        await host.Client.ScheduleNewOrchestrationInstanceAsync("Wait", "x", new StartOrchestrationOptions("done"));
        await host.Client.ScheduleNewOrchestrationInstanceAsync("Wait", "x", new StartOrchestrationOptions("open"));
        await host.Client.RaiseEventAsync("done", "Answer", "y");
        await host.CompletionAsync("done");

        Assert.Equal(0, (await host.Client.PurgeInstanceAsync("open")).PurgedInstanceCount);
        Assert.Equal(1, (await host.Client.PurgeInstanceAsync("done")).PurgedInstanceCount);

        Assert.Null(await host.Client.GetInstanceAsync("done"));
        Assert.Empty(await host.Store.GetHistoryAsync("done"));
        Assert.NotNull(await host.Client.GetInstanceAsync("open"));
    }

    [Fact]
    public async Task PurgeAll_RemovesFinishedInstancesMatchingTheFilter()
    {
        await using var host = await StartWaiting();
        for (var i = 0; i < 3; i++)
        {
            await host.Client.ScheduleNewOrchestrationInstanceAsync("Wait", "x", new StartOrchestrationOptions($"i{i}"));
        }

        await host.Client.TerminateInstanceAsync("i0");
        await host.Client.RaiseEventAsync("i1", "Answer", "y");
        await host.CompletionAsync("i0");
        await host.CompletionAsync("i1");

        var purged = await host.Client.PurgeAllInstancesAsync(new PurgeInstancesFilter(Statuses: [OrchestrationRuntimeStatus.Terminated, OrchestrationRuntimeStatus.Running]));

        Assert.Equal(1, purged.PurgedInstanceCount);
        Assert.Null(await host.Client.GetInstanceAsync("i0"));
        Assert.NotNull(await host.Client.GetInstanceAsync("i1"));
        Assert.NotNull(await host.Client.GetInstanceAsync("i2"));
    }

    private static async Task<List<OrchestrationMetadata>> ToList(AsyncPageable<OrchestrationMetadata> pageable)
    {
        var list = new List<OrchestrationMetadata>();
        await foreach (var item in pageable)
        {
            list.Add(item);
        }

        return list;
    }

    public sealed class OnSqlite : StoreDurableTaskClientTests
    {
        protected override Task<EngineStore> CreateStoreAsync() => SqliteAsync();
    }

    public sealed class OnAzurite : StoreDurableTaskClientTests
    {
        protected override Task<EngineStore> CreateStoreAsync() => AzuriteAsync();
    }
}
