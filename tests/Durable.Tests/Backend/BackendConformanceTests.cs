using Microsoft.DurableTask;
using DurableTask.Core.History;
using Microsoft.DurableTask.Client;

namespace Workflows.Durable.Tests.Backend;

/// <summary>
/// What the backend promises Microsoft's worker and client, through their API only. Each store runs the same suite;
/// the store's host decides how time passes (a fake clock on SQLite, the real one on Azurite).
/// </summary>
public abstract class BackendConformanceTests
{
    protected abstract Task<BackendHost> StartAsync(Action<DurableTaskRegistry> tasks, string? databasePath = null);

    [Fact]
    public async Task Activities_RunInSequence_AndTheOutputComesBack()
    {
        await using var host = await StartAsync(r => r
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
    public async Task AnOrchestrationRunningHere_GoesOnFromItsLastTurn_InsteadOfReplayingItsHistory()
    {
        var starts = 0;
        await using var host = await StartAsync(r => r
            .AddActivityFunc<int, int>("Inc", (_, n) => n + 1)
            .AddOrchestratorFunc<int, int>("Counted", async (ctx, n) =>
            {
                // Runs once per replay from the first event: the count of replays.
                Interlocked.Increment(ref starts);
                for (var i = 0; i < 10; i++)
                {
                    n = await ctx.CallActivityAsync<int>("Inc", n);
                }

                return n;
            }));

        Assert.Equal(10, (await host.RunAsync("Counted", 0)).ReadOutputAs<int>());
        if (KeepsOrchestrationsInMemory)
        {
            Assert.Equal(1, starts);
        }
        else
        {
            // A replay per turn: the start and each of the ten results (more if a message came twice).
            Assert.True(starts >= 11, $"{starts} replays");
        }
    }

    /// <summary>
    /// Whether a turn goes on from the orchestration kept in memory. Not on DurableTask.AzureStorage: a turn completed
    /// after its partition moved returns without being stored, so the backend cannot know its session is current.
    /// </summary>
    protected virtual bool KeepsOrchestrationsInMemory => true;

    [Fact]
    public async Task FanOut_RunsEveryActivity_AndGathersTheResults()
    {
        await using var host = await StartAsync(r => r
            .AddActivityFunc<int, int>("Square", (_, n) => n * n)
            .AddOrchestratorFunc<int, int>("FanOut", async (ctx, n) =>
            {
                var squares = await Task.WhenAll(Enumerable.Range(1, n).Select(i => ctx.CallActivityAsync<int>("Square", i)));
                return squares.Sum();
            }));

        Assert.Equal(Enumerable.Range(1, 100).Sum(i => i * i), (await host.RunAsync("FanOut", 100)).ReadOutputAs<int>());
    }

    [Fact]
    public async Task AnEvent_RaisedBeforeItIsAwaited_IsKept_AndEventsArriveInOrder()
    {
        await using var host = await StartAsync(r => r.AddOrchestratorFunc<object?, string>("Wait", async (ctx, _) =>
        {
            await ctx.CreateTimer(TimeSpan.FromSeconds(2), CancellationToken.None);
            var first = await ctx.WaitForExternalEvent<string>("Step");
            var second = await ctx.WaitForExternalEvent<string>("Step");
            var third = await ctx.WaitForExternalEvent<string>("Step");
            return first + second + third;
        }));
        await host.Client.ScheduleNewOrchestrationInstanceAsync("Wait", new StartOrchestrationOptions("w1"));

        foreach (var step in new[] { "a", "b", "c" })
        {
            await host.Client.RaiseEventAsync("w1", "Step", step);
        }

        await host.AdvanceAsync(TimeSpan.FromSeconds(3));
        Assert.Equal("abc", (await host.CompletionAsync("w1")).ReadOutputAs<string>());
    }

    [Fact]
    public async Task AnEventWithATimeout_GivesUpWhenTheTimeHasPassed_AndTakesTheEventWhenItComesFirst()
    {
        // One waits two seconds and is never answered; the other waits an hour and is answered. Neither outcome depends
        // on how fast the machine delivers the answer.
        await using var host = await StartAsync(r => r.AddOrchestratorFunc<int, string>("Ask", async (ctx, seconds) =>
        {
            try
            {
                return await ctx.WaitForExternalEvent<string>("Answer", TimeSpan.FromSeconds(seconds));
            }
            catch (TaskCanceledException)
            {
                return "no answer";
            }
        }));
        await host.Client.ScheduleNewOrchestrationInstanceAsync("Ask", 2, new StartOrchestrationOptions("ask-1"));
        await host.Client.ScheduleNewOrchestrationInstanceAsync("Ask", 3600, new StartOrchestrationOptions("ask-2"));
        await host.Client.WaitForInstanceStartAsync("ask-2");
        await host.Client.RaiseEventAsync("ask-2", "Answer", "yes");

        await host.AdvanceAsync(TimeSpan.FromSeconds(3));

        Assert.Equal("no answer", (await host.CompletionAsync("ask-1")).ReadOutputAs<string>());
        Assert.Equal("yes", (await host.CompletionAsync("ask-2")).ReadOutputAs<string>());
    }

    [Fact]
    public async Task SubOrchestrations_RunUnderTheIdsTheParentChose()
    {
        await using var host = await StartAsync(r => r
            .AddOrchestratorFunc<int, int>("Child", (_, n) => Task.FromResult(n * 10))
            .AddOrchestratorFunc<object?, int>("Parent", async (ctx, _) =>
            {
                var a = ctx.CallSubOrchestratorAsync<int>("Child", 1, new SubOrchestrationOptions(instanceId: $"{ctx.InstanceId}-child-1"));
                var b = ctx.CallSubOrchestratorAsync<int>("Child", 2, new SubOrchestrationOptions(instanceId: $"{ctx.InstanceId}-child-2"));
                return (await a) + (await b);
            }));

        Assert.Equal(30, (await host.RunAsync("Parent", null, "parent")).ReadOutputAs<int>());
        var child = await host.Client.GetInstanceAsync("parent-child-2", getInputsAndOutputs: true);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, child!.RuntimeStatus);
        Assert.Equal(20, child.ReadOutputAs<int>());
    }

    [Fact]
    public async Task AFailingSubOrchestration_FailsItsCallWithTheDetails()
    {
        await using var host = await StartAsync(r => r
            .AddOrchestratorFunc<object?, int>("Broken", (_, _) => Task.FromException<int>(new InvalidOperationException("broken child")))
            .AddOrchestratorFunc<object?, string>("Parent", async (ctx, _) =>
            {
                try
                {
                    await ctx.CallSubOrchestratorAsync<int>("Broken", null, new SubOrchestrationOptions(instanceId: "broken-child"));
                    return "no failure";
                }
                catch (TaskFailedException ex)
                {
                    return $"{ex.FailureDetails.ErrorType}: {ex.FailureDetails.ErrorMessage}";
                }
            }));

        Assert.Equal("System.InvalidOperationException: broken child", (await host.RunAsync("Parent")).ReadOutputAs<string>());
    }

    [Fact]
    public async Task ContinueAsNew_StartsANewExecution_AndKeepsUnprocessedEvents()
    {
        await using var host = await StartAsync(r => r.AddOrchestratorFunc<int, int>("Counter", async (ctx, n) =>
        {
            if (n == 3)
            {
                return n + int.Parse(await ctx.WaitForExternalEvent<string>("Bonus"), System.Globalization.CultureInfo.InvariantCulture);
            }

            await ctx.CreateTimer(TimeSpan.FromSeconds(1), CancellationToken.None);
            ctx.ContinueAsNew(n + 1, preserveUnprocessedEvents: true);
            return 0;
        }));
        await host.Client.ScheduleNewOrchestrationInstanceAsync("Counter", 0, new StartOrchestrationOptions("counter"));
        await host.Client.RaiseEventAsync("counter", "Bonus", "100");

        await host.AdvanceAsync(TimeSpan.FromSeconds(5));

        var done = await host.CompletionAsync("counter");
        Assert.Equal(103, done.ReadOutputAs<int>());
        var history = await host.Client.GetOrchestrationHistoryAsync("counter");
        Assert.Single(history.OfType<ExecutionStartedEvent>());
    }

    [Fact]
    public async Task Retries_BackOff_AndTheLastFailureIsReported()
    {
        var attempts = 0;
        await using var host = await StartAsync(r => r
            .AddActivityFunc<object?, string>("Flaky", (_, _) =>
            {
                if (Interlocked.Increment(ref attempts) < 3)
                {
                    throw new InvalidOperationException("not yet");
                }

                return "third time";
            })
            .AddActivityFunc<object?, string>("Hopeless", (_, _) => Task.FromException<string>(new InvalidOperationException("never")))
            .AddOrchestratorFunc<object?, string>("Retry", async (ctx, _) =>
            {
                var policy = new RetryPolicy(3, TimeSpan.FromSeconds(1), backoffCoefficient: 2);
                var flaky = await ctx.CallActivityAsync<string>("Flaky", null, TaskOptions.FromRetryPolicy(policy));
                try
                {
                    await ctx.CallActivityAsync<string>("Hopeless", null, TaskOptions.FromRetryPolicy(policy));
                    return flaky;
                }
                catch (TaskFailedException ex)
                {
                    return $"{flaky}; {ex.FailureDetails.ErrorMessage}";
                }
            }));
        await host.Client.ScheduleNewOrchestrationInstanceAsync("Retry", new StartOrchestrationOptions("retry"));

        await host.AdvanceAsync(TimeSpan.FromSeconds(20));

        Assert.Equal("third time; never", (await host.CompletionAsync("retry")).ReadOutputAs<string>());
        Assert.Equal(3, attempts);
    }

    [Fact]
    public async Task AFailedOrchestration_ReportsItsFailureDetails()
    {
        await using var host = await StartAsync(r => r.AddOrchestratorFunc<object?, int>("Fails", (_, _) => Task.FromException<int>(new ArgumentException("bad input"))));

        var done = await host.RunAsync("Fails");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Equal(typeof(ArgumentException).FullName, done.FailureDetails!.ErrorType);
        Assert.Equal("bad input", done.FailureDetails.ErrorMessage);
    }

    [Fact]
    public async Task CustomStatus_IsReadWhileTheInstanceWaits()
    {
        await using var host = await StartAsync(r => r.AddOrchestratorFunc<object?, string>("Status", async (ctx, _) =>
        {
            ctx.SetCustomStatus(new { phase = "waiting for signature" });
            return await ctx.WaitForExternalEvent<string>("Go");
        }));
        await host.Client.ScheduleNewOrchestrationInstanceAsync("Status", new StartOrchestrationOptions("status"));
        await host.IdleAsync();
        await host.WaitUntilAsync("status", m => m.SerializedCustomStatus is not null);

        var running = await host.Client.GetInstanceAsync("status");
        Assert.Equal("""{"phase":"waiting for signature"}""", running!.SerializedCustomStatus);
    }

    [Fact]
    public async Task SuspendAndResume_HoldEventsUntilResumed()
    {
        await using var host = await StartAsync(r => r.AddOrchestratorFunc<object?, string>("Hold", async (ctx, _) => await ctx.WaitForExternalEvent<string>("Go")));
        await host.Client.ScheduleNewOrchestrationInstanceAsync("Hold", new StartOrchestrationOptions("hold"));
        await host.Client.WaitForInstanceStartAsync("hold");

        await host.Client.SuspendInstanceAsync("hold", "paused by operator");
        await host.WaitUntilAsync("hold", m => m.RuntimeStatus == OrchestrationRuntimeStatus.Suspended);
        await host.Client.RaiseEventAsync("hold", "Go", "went");
        await host.IdleAsync();
        Assert.Equal(OrchestrationRuntimeStatus.Suspended, (await host.Client.GetInstanceAsync("hold"))!.RuntimeStatus);

        await host.Client.ResumeInstanceAsync("hold", "carry on");
        Assert.Equal("went", (await host.CompletionAsync("hold")).ReadOutputAs<string>());
    }

    [Fact]
    public async Task Terminate_EndsAWaitingInstance_WithTheReasonAsOutput()
    {
        await using var host = await StartAsync(r => r.AddOrchestratorFunc<object?, string>("Forever", async (ctx, _) => await ctx.WaitForExternalEvent<string>("Never")));
        await host.Client.ScheduleNewOrchestrationInstanceAsync("Forever", new StartOrchestrationOptions("forever"));
        await host.Client.WaitForInstanceStartAsync("forever");

        await host.Client.TerminateInstanceAsync("forever", "duplicate");

        var done = await host.CompletionAsync("forever");
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, done.RuntimeStatus);
        Assert.Equal("duplicate", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task Purge_RemovesFinishedInstances_OneOrMany_ButNotRunningOnes()
    {
        await using var host = await StartAsync(r => r
            .AddOrchestratorFunc<object?, int>("Quick", (_, _) => Task.FromResult(1))
            .AddOrchestratorFunc<object?, string>("Waits", async (ctx, _) => await ctx.WaitForExternalEvent<string>("Never")));
        for (var i = 0; i < 5; i++)
        {
            await host.RunAsync("Quick", null, $"quick-{i}");
        }

        await host.Client.ScheduleNewOrchestrationInstanceAsync("Waits", new StartOrchestrationOptions("waits"));
        await host.Client.WaitForInstanceStartAsync("waits");

        Assert.Equal(1, (await host.Client.PurgeInstanceAsync("quick-0")).PurgedInstanceCount);
        Assert.Null(await host.Client.GetInstanceAsync("quick-0"));
        var many = await host.Client.PurgeAllInstancesAsync(new PurgeInstancesFilter(CreatedFrom: DateTimeOffset.MinValue, Statuses: [OrchestrationRuntimeStatus.Completed]));
        Assert.Equal(4, many.PurgedInstanceCount);
        Assert.Equal(0, (await host.Client.PurgeInstanceAsync("waits")).PurgedInstanceCount);
        Assert.NotNull(await host.Client.GetInstanceAsync("waits"));
    }

    [Fact]
    public async Task Query_PagesThroughInstances_ByStatusAndPrefix()
    {
        await using var host = await StartAsync(r => r
            .AddOrchestratorFunc<object?, int>("Quick", (_, _) => Task.FromResult(1))
            .AddOrchestratorFunc<object?, string>("Waits", async (ctx, _) => await ctx.WaitForExternalEvent<string>("Never")));
        for (var i = 0; i < 7; i++)
        {
            await host.RunAsync("Quick", null, $"page-{i}");
        }

        await host.Client.ScheduleNewOrchestrationInstanceAsync("Waits", new StartOrchestrationOptions("other-waiting"));
        await host.Client.WaitForInstanceStartAsync("other-waiting");

        var pages = new List<int>();
        var ids = new List<string>();
        await foreach (var page in host.Client.GetAllInstancesAsync(new OrchestrationQuery(InstanceIdPrefix: "page-", PageSize: 3)).AsPages())
        {
            pages.Add(page.Values.Count);
            ids.AddRange(page.Values.Select(m => m.InstanceId));
        }

        Assert.Equal([3, 3, 1], pages);
        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"page-{i}"), ids.Order());
        var running = new List<string>();
        await foreach (var m in host.Client.GetAllInstancesAsync(new OrchestrationQuery(Statuses: [OrchestrationRuntimeStatus.Running])))
        {
            running.Add(m.InstanceId);
        }

        Assert.Equal(["other-waiting"], running);
    }

    [Fact]
    public async Task AMegabytePayload_GoesThroughActivitiesAndBack()
    {
        var big = new string('x', 1024 * 1024);
        await using var host = await StartAsync(r => r
            .AddActivityFunc<string, string>("Echo", (_, s) => s + "!")
            .AddOrchestratorFunc<string, string>("Big", async (ctx, s) => await ctx.CallActivityAsync<string>("Echo", s)));

        var done = await host.RunAsync("Big", big);

        Assert.Equal(big + "!", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task History_NamesEachStep()
    {
        await using var host = await StartAsync(r => r
            .AddActivityFunc<int, int>("Inc", (_, n) => n + 1)
            .AddOrchestratorFunc<int, int>("Two", async (ctx, n) => await ctx.CallActivityAsync<int>("Inc", await ctx.CallActivityAsync<int>("Inc", n))));
        await host.RunAsync("Two", 1, "two");

        var history = await host.Client.GetOrchestrationHistoryAsync("two");

        Assert.Equal("Two", history.OfType<ExecutionStartedEvent>().Single().Name);
        Assert.Equal(2, history.OfType<TaskScheduledEvent>().Count(e => e.Name == "Inc"));
        Assert.Equal(2, history.OfType<TaskCompletedEvent>().Count());
        Assert.Single(history.OfType<ExecutionCompletedEvent>());
    }

    [Fact]
    public async Task StartingAnIdInUse_IsRefused_UnlessTheOldOneHasFinished()
    {
        await using var host = await StartAsync(r => r
            .AddOrchestratorFunc<int, int>("Quick", (_, n) => Task.FromResult(n))
            .AddOrchestratorFunc<object?, string>("Waits", async (ctx, _) => await ctx.WaitForExternalEvent<string>("Never")));
        await host.Client.ScheduleNewOrchestrationInstanceAsync("Waits", new StartOrchestrationOptions("busy"));

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => host.Client.ScheduleNewOrchestrationInstanceAsync("Waits", new StartOrchestrationOptions("busy")));
        Assert.Contains("AlreadyExists", refused.GetType().Name, StringComparison.Ordinal);

        await host.RunAsync("Quick", 1, "again");
        Assert.Equal(2, (await host.RunAsync("Quick", 2, "again")).ReadOutputAs<int>());
    }

    [Fact]
    public async Task Restart_RunsAFinishedInstanceAgainWithItsInput()
    {
        var runs = 0;
        await using var host = await StartAsync(r => r
            .AddActivityFunc<int, int>("Count", (_, n) => n + Interlocked.Increment(ref runs))
            .AddOrchestratorFunc<int, int>("Once", async (ctx, n) => await ctx.CallActivityAsync<int>("Count", n)));
        await host.RunAsync("Once", 10, "once");

        var again = await host.Client.RestartAsync("once", restartWithNewInstanceId: false);

        Assert.Equal("once", again);
        Assert.Equal(12, (await host.CompletionAsync("once")).ReadOutputAs<int>());
    }

    [Fact]
    public async Task RaisingAnEventOnAnUnknownInstance_IsRefused()
    {
        await using var host = await StartAsync(r => r.AddOrchestratorFunc<object?, int>("Quick", (_, _) => Task.FromResult(1)));

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => host.Client.RaiseEventAsync("nobody", "Go", "x"));

        Assert.Contains("nobody", refused.Message, StringComparison.Ordinal);
    }
}

/// <summary>The suite on the embedded SQLite service, with a fake clock.</summary>
public sealed class BackendConformanceOnSqlite : BackendConformanceTests
{
    protected override Task<BackendHost> StartAsync(Action<DurableTaskRegistry> tasks, string? databasePath = null) =>
        BackendHost.StartAsync(tasks, databasePath: databasePath);

    [Fact]
    public async Task A90DayTimer_FiresWhenTheFakeClockGetsThere()
    {
        await using var host = await StartAsync(r => r.AddOrchestratorFunc<object?, DateTime>("Quarter", async (ctx, _) =>
        {
            await ctx.CreateTimer(TimeSpan.FromDays(90), CancellationToken.None);
            return ctx.CurrentUtcDateTime;
        }));
        var start = host.Clock!.GetUtcNow();
        await host.Client.ScheduleNewOrchestrationInstanceAsync("Quarter", new StartOrchestrationOptions("q1"));
        await host.IdleAsync();
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await host.Client.GetInstanceAsync("q1"))!.RuntimeStatus);

        await host.AdvanceAsync(TimeSpan.FromDays(91));

        var done = await host.CompletionAsync("q1");
        Assert.Equal(start.UtcDateTime.AddDays(90), done.ReadOutputAs<DateTime>());
    }

    [Fact]
    public async Task DueTimers_FireAfterARestart()
    {
        var path = Path.Combine(Path.GetTempPath(), "backend-tests", Guid.NewGuid().ToString("N"), "durable.db");
        static void Tasks(DurableTaskRegistry r) => r.AddOrchestratorFunc<object?, string>("Quarter", async (ctx, _) =>
        {
            await ctx.CreateTimer(TimeSpan.FromDays(90), CancellationToken.None);
            return "fired";
        });
        await using (var first = await StartAsync(Tasks, path))
        {
            await first.Client.ScheduleNewOrchestrationInstanceAsync("Quarter", new StartOrchestrationOptions("q1"));
            await first.IdleAsync();
        }

        await using var second = await StartAsync(Tasks, path);
        await second.AdvanceAsync(TimeSpan.FromDays(90));

        Assert.Equal("fired", (await second.CompletionAsync("q1")).ReadOutputAs<string>());
    }

    [Fact]
    public async Task AScheduledStart_WaitsForItsTime()
    {
        await using var host = await StartAsync(r => r.AddOrchestratorFunc<object?, DateTime>("Later", (ctx, _) => Task.FromResult(ctx.CurrentUtcDateTime)));
        var at = host.Clock!.GetUtcNow().AddDays(3);
        await host.Client.ScheduleNewOrchestrationInstanceAsync("Later", new StartOrchestrationOptions("later", StartAt: at));
        await host.IdleAsync();
        Assert.Equal(OrchestrationRuntimeStatus.Pending, (await host.Client.GetInstanceAsync("later"))!.RuntimeStatus);

        await host.AdvanceAsync(TimeSpan.FromDays(4));

        Assert.Equal(at.UtcDateTime, (await host.CompletionAsync("later")).ReadOutputAs<DateTime>());
    }

    [Fact]
    public async Task WorkFromThisProcess_WakesTheBackendAtOnce_WithoutTheClockMoving()
    {
        await using var host = await StartAsync(r => r
            .AddActivityFunc<int, int>("Inc", (_, n) => n + 1)
            .AddOrchestratorFunc<int, int>("Chain", async (ctx, n) =>
            {
                for (var i = 0; i < 20; i++)
                {
                    n = await ctx.CallActivityAsync<int>("Inc", n);
                }

                return n;
            }));
        var before = host.Clock!.GetUtcNow();

        Assert.Equal(20, (await host.RunAsync("Chain", 0)).ReadOutputAs<int>());
        Assert.Equal(before, host.Clock.GetUtcNow());
    }

    [Fact]
    public async Task AChangedOrchestrator_FailsTheInstance_WithTheSdksNonDeterminismError()
    {
        var path = Path.Combine(Path.GetTempPath(), "backend-tests", Guid.NewGuid().ToString("N"), "durable.db");
        await using (var v1 = await StartAsync(
            r => r
                .AddActivityFunc<object?, string>("A", (_, _) => "a")
                .AddOrchestratorFunc<object?, string>("Flow", async (ctx, _) =>
                {
                    await ctx.CallActivityAsync<string>("A");
                    return await ctx.WaitForExternalEvent<string>("Go");
                }),
            path))
        {
            await v1.Client.ScheduleNewOrchestrationInstanceAsync("Flow", new StartOrchestrationOptions("flow"));
            await v1.IdleAsync();
        }

        await using var v2 = await StartAsync(
            r => r
                .AddActivityFunc<object?, string>("B", (_, _) => "b")
                .AddOrchestratorFunc<object?, string>("Flow", async (ctx, _) =>
                {
                    await ctx.CallActivityAsync<string>("B");
                    return await ctx.WaitForExternalEvent<string>("Go");
                }),
            path);
        await v2.Client.RaiseEventAsync("flow", "Go", "now");

        var done = await v2.CompletionAsync("flow");
        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Contains("NonDeterministic", done.FailureDetails!.ErrorType, StringComparison.Ordinal);
    }
}

/// <summary>The suite on Microsoft's DurableTask.AzureStorage, in Azurite, on the real clock.</summary>
public sealed class BackendConformanceOnAzurite : BackendConformanceTests
{
    protected override bool KeepsOrchestrationsInMemory => false;

    protected override Task<BackendHost> StartAsync(Action<DurableTaskRegistry> tasks, string? databasePath = null) =>
        BackendHost.StartOnAzuriteAsync(tasks);
}
