using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Workflows.Durable.Tests.Support;

namespace Workflows.Durable.Tests.Replay;

/// <summary>
/// Each scenario runs twice: with the in-memory executor cache, and with it off so every episode replays the
/// whole history from the store.
/// </summary>
public abstract class ReplayOrchestrationContextTests : EngineTests
{
    private Task<EngineHost> Start(int cacheSize, Action<DurableTaskRegistry> tasks, Action<IServiceCollection>? services = null) =>
        EngineHost.StartAsync(Store, tasks, services, o => o.ExecutorCacheSize = cacheSize);

    [Theory]
    [InlineData(0)]
    [InlineData(1000)]
    public async Task CallActivityAsync_Sequence_PassesResultsAlong(int cacheSize)
    {
        await using var host = await Start(cacheSize, r => r
            .AddActivityFunc<int, int>("Double", (_, n) => n * 2)
            .AddOrchestratorFunc<int, int>("Chain", async (ctx, n) =>
            {
                for (var i = 0; i < 5; i++)
                {
                    n = await ctx.CallActivityAsync<int>("Double", n);
                }

                return n;
            }));

        var result = await host.RunAsync("Chain", 1);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(32, result.ReadOutputAs<int>());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1000)]
    public async Task CreateTimer_NinetyDays_FiresWhenTheClockGetsThere(int cacheSize)
    {
        await using var host = await Start(cacheSize, r => r
            .AddOrchestratorFunc<object?, DateTime>("Wait90", async (ctx, _) =>
            {
                await ctx.CreateTimer(TimeSpan.FromDays(90), CancellationToken.None);
                return ctx.CurrentUtcDateTime;
            }));
        var started = host.Clock.GetUtcNow();
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Wait90");

        await host.AdvanceAsync(TimeSpan.FromDays(89));
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await host.Client.GetInstanceAsync(id))!.RuntimeStatus);
        await host.AdvanceAsync(TimeSpan.FromDays(1));

        var result = await host.CompletionAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(started.AddDays(90).UtcDateTime, result.ReadOutputAs<DateTime>());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1000)]
    public async Task WaitForExternalEvent_EventsRaisedBeforeTheWait_AreKeptInOrder(int cacheSize)
    {
        await using var host = await Start(cacheSize, r => r
            .AddOrchestratorFunc<object?, string>("Collect", async (ctx, _) =>
            {
                await ctx.CreateTimer(TimeSpan.FromDays(1), CancellationToken.None);
                var first = await ctx.WaitForExternalEvent<string>("Signed");
                var second = await ctx.WaitForExternalEvent<string>("signed");
                return first + "," + second;
            }));
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Collect");
        await host.IdleAsync();

        await host.Client.RaiseEventAsync(id, "Signed", "nurse");
        await host.Client.RaiseEventAsync(id, "Signed", "leader");
        await host.AdvanceAsync(TimeSpan.FromDays(1));

        var result = await host.CompletionAsync(id);
        Assert.Equal("nurse,leader", result.ReadOutputAs<string>());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1000)]
    public async Task WaitForExternalEvent_WithTimeout_ReturnsTheEventWhenItComesFirst(int cacheSize)
    {
        await using var host = await Start(cacheSize, r => r
            .AddOrchestratorFunc<object?, string>("Approve", async (ctx, _) =>
                await ctx.WaitForExternalEvent<string>("Approved", TimeSpan.FromDays(7))));
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Approve");
        await host.AdvanceAsync(TimeSpan.FromDays(6));

        await host.Client.RaiseEventAsync(id, "Approved", "yes");

        var result = await host.CompletionAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal("yes", result.ReadOutputAs<string>());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1000)]
    public async Task WaitForExternalEvent_WithTimeout_ThrowsTaskCanceledWhenTimeRunsOut(int cacheSize)
    {
        await using var host = await Start(cacheSize, r => r
            .AddOrchestratorFunc<object?, string>("Approve", async (ctx, _) =>
            {
                try
                {
                    return await ctx.WaitForExternalEvent<string>("Approved", TimeSpan.FromDays(7));
                }
                catch (TaskCanceledException)
                {
                    return "expired at " + ctx.CurrentUtcDateTime.ToString("O");
                }
            }));
        var start = host.Clock.GetUtcNow();
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Approve");

        await host.AdvanceAsync(TimeSpan.FromDays(7));

        var result = await host.CompletionAsync(id);
        Assert.Equal("expired at " + start.AddDays(7).UtcDateTime.ToString("O"), result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task WaitForExternalEvent_CancelledToken_CancelsTheWait()
    {
        await using var host = await Start(1000, r => r
            .AddOrchestratorFunc<object?, string>("Either", async (ctx, _) =>
            {
                using var cancel = new CancellationTokenSource();
                var wait = ctx.WaitForExternalEvent<string>("Never", cancel.Token);
                await ctx.CreateTimer(TimeSpan.FromHours(1), CancellationToken.None);
                cancel.Cancel();
                try
                {
                    await wait;
                    return "event";
                }
                catch (TaskCanceledException)
                {
                    return "cancelled";
                }
            }));
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Either");
        await host.AdvanceAsync(TimeSpan.FromHours(1));

        Assert.Equal("cancelled", (await host.CompletionAsync(id)).ReadOutputAs<string>());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1000)]
    public async Task CallSubOrchestratorAsync_WithChosenInstanceId_ReturnsTheChildsResult(int cacheSize)
    {
        await using var host = await Start(cacheSize, r => r
            .AddActivityFunc<string, string>("Greet", (_, name) => "Hei, " + name)
            .AddOrchestratorFunc<string, string>("Child", async (ctx, name) => await ctx.CallActivityAsync<string>("Greet", name))
            .AddOrchestratorFunc<string, string>("Parent", async (ctx, name) =>
                await ctx.CallSubOrchestratorAsync<string>("Child", name, new SubOrchestrationOptions { InstanceId = "child-" + name })));

        var result = await host.RunAsync("Parent", "Kari");

        Assert.Equal("Hei, Kari", result.ReadOutputAs<string>());
        var child = await host.Client.GetInstanceAsync("child-Kari", getInputsAndOutputs: true);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, child!.RuntimeStatus);
        Assert.Equal("Kari", child.ReadInputAs<string>());
    }

    [Fact]
    public async Task CallSubOrchestratorAsync_ChildFails_ParentSeesTaskFailedException()
    {
        await using var host = await Start(1000, r => r
            .AddOrchestratorFunc<object?, string>("Broken", (_, _) => throw new InvalidOperationException("no unit"))
            .AddOrchestratorFunc<object?, string>("Parent", async (ctx, _) =>
            {
                try
                {
                    return await ctx.CallSubOrchestratorAsync<string>("Broken");
                }
                catch (TaskFailedException failed)
                {
                    return failed.FailureDetails.ErrorType + ": " + failed.FailureDetails.ErrorMessage;
                }
            }));

        var result = await host.RunAsync("Parent");

        Assert.Equal("System.InvalidOperationException: no unit", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task CallSubOrchestratorAsync_IdHeldByARunningInstance_FailsTheParentsTask()
    {
        await using var host = await Start(1000, r => r
            .AddOrchestratorFunc<object?, string>("Waiter", async (ctx, _) => await ctx.WaitForExternalEvent<string>("Never"))
            .AddOrchestratorFunc<object?, string>("Parent", async (ctx, _) =>
            {
                try
                {
                    return await ctx.CallSubOrchestratorAsync<string>("Waiter", null, new SubOrchestrationOptions { InstanceId = "taken" });
                }
                catch (TaskFailedException failed)
                {
                    return failed.FailureDetails.ErrorType;
                }
            }));
        await host.Client.ScheduleNewOrchestrationInstanceAsync("Waiter", null, new StartOrchestrationOptions("taken"));

        var result = await host.RunAsync("Parent");

        Assert.Equal(typeof(OrchestrationAlreadyExistsException).FullName, result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task CallSubOrchestratorAsync_ChildTerminated_ParentSeesAFailure()
    {
        await using var host = await Start(1000, r => r
            .AddOrchestratorFunc<object?, string>("Waiter", async (ctx, _) => await ctx.WaitForExternalEvent<string>("Never"))
            .AddOrchestratorFunc<object?, string>("Parent", async (ctx, _) =>
            {
                try
                {
                    return await ctx.CallSubOrchestratorAsync<string>("Waiter", null, new SubOrchestrationOptions { InstanceId = "child" });
                }
                catch (TaskFailedException failed)
                {
                    return failed.FailureDetails.ErrorMessage;
                }
            }));
        var parent = await host.Client.ScheduleNewOrchestrationInstanceAsync("Parent");
        await host.IdleAsync();

        await host.Client.TerminateInstanceAsync("child", "closed by operator");

        Assert.Equal("Sub-orchestration 'child' was terminated.", (await host.CompletionAsync(parent)).ReadOutputAs<string>());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1000)]
    public async Task ContinueAsNew_CarriesUnprocessedEventsIntoTheNextExecution(int cacheSize)
    {
        await using var host = await Start(cacheSize, r => r
            .AddOrchestratorFunc<int, int>("Counter", async (ctx, count) =>
            {
                var step = await ctx.WaitForExternalEvent<int>("Add");
                if (count + step >= 6)
                {
                    return count + step;
                }

                ctx.ContinueAsNew(count + step);
                return 0;
            }));
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Counter", 0);
        await host.IdleAsync();

        foreach (var step in new[] { 1, 2, 3 })
        {
            await host.Client.RaiseEventAsync(id, "Add", step);
        }

        var result = await host.CompletionAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(6, result.ReadOutputAs<int>());
        Assert.Equal(3, result.ReadInputAs<int>());
    }

    [Fact]
    public async Task ContinueAsNew_StartsWithAnEmptyHistory()
    {
        await using var host = await Start(1000, r => r
            .AddActivityFunc<int, int>("Inc", (_, n) => n + 1)
            .AddOrchestratorFunc<int, int>("Loop", async (ctx, n) =>
            {
                n = await ctx.CallActivityAsync<int>("Inc", n);
                if (n < 20)
                {
                    ctx.ContinueAsNew(n);
                }

                return n;
            }));

        var result = await host.RunAsync("Loop", 0, "loop");

        Assert.Equal(20, result.ReadOutputAs<int>());
        var history = await host.Store.GetHistoryAsync("loop");
        Assert.True(history.Count < 10, $"history has {history.Count} events");
    }

    [Fact]
    public async Task SetCustomStatus_IsVisibleWhileWaiting()
    {
        await using var host = await Start(1000, r => r
            .AddOrchestratorFunc<object?, string>("Signing", async (ctx, _) =>
            {
                ctx.SetCustomStatus(new { step = "waiting for nurse" });
                await ctx.WaitForExternalEvent<string>("Signed");
                ctx.SetCustomStatus(new { step = "done" });
                return "ok";
            }));
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Signing");
        await host.IdleAsync();

        var waiting = await host.Client.GetInstanceAsync(id, getInputsAndOutputs: true);
        Assert.Equal("waiting for nurse", waiting!.ReadCustomStatusAs<Dictionary<string, string>>()!["step"]);

        await host.Client.RaiseEventAsync(id, "Signed", "x");
        var done = await host.CompletionAsync(id);
        Assert.Equal("""{"step":"done"}""", done.SerializedCustomStatus);
    }

    [Fact]
    public async Task NewGuid_AndCurrentUtcDateTime_AreTheSameOnEveryReplay()
    {
        await using var host = await Start(0, r => r
            .AddActivityFunc<string, string>("Echo", (_, s) => s)
            .AddOrchestratorFunc<object?, string[]>("Stable", async (ctx, _) =>
            {
                var guid = ctx.NewGuid();
                var time = ctx.CurrentUtcDateTime;
                await ctx.CreateTimer(TimeSpan.FromMinutes(5), CancellationToken.None);
                await ctx.CallActivityAsync<string>("Echo", "x");
                return [guid.ToString(), time.ToString("O"), ctx.NewGuid().ToString()];
            }));
        var start = host.Clock.GetUtcNow();
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Stable");
        await host.AdvanceAsync(TimeSpan.FromMinutes(5));

        var values = (await host.CompletionAsync(id)).ReadOutputAs<string[]>()!;

        Assert.Equal(start.UtcDateTime.ToString("O"), values[1]);
        Assert.NotEqual(values[0], values[2]);
        Assert.Equal('5', values[0][14]);
    }

    [Fact]
    public async Task CreateReplaySafeLogger_WritesEachLineOnce()
    {
        var sink = new ListLoggerProvider();
        await using var host = await Start(0, r => r
            .AddActivityFunc<int, int>("Inc", (_, n) => n + 1)
            .AddOrchestratorFunc<int, int>("Logged", async (ctx, n) =>
            {
                var log = ctx.CreateReplaySafeLogger("Onboarding");
                for (var i = 0; i < 3; i++)
                {
                    log.LogInformation("Step {Step}", i);
                    n = await ctx.CallActivityAsync<int>("Inc", n);
                }

                return n;
            }),
            s => s.AddLogging(l => l.AddProvider(sink)));

        await host.RunAsync("Logged", 0);

        Assert.Equal(["Step 0", "Step 1", "Step 2"], sink.Messages("Onboarding"));
    }

    [Fact]
    public async Task SendEvent_DeliversToAnotherInstance()
    {
        await using var host = await Start(1000, r => r
            .AddOrchestratorFunc<object?, string>("Receiver", async (ctx, _) => await ctx.WaitForExternalEvent<string>("Ping"))
            .AddOrchestratorFunc<string, string>("Sender", (ctx, target) =>
            {
                ctx.SendEvent(target, "Ping", "from sender");
                return Task.FromResult("sent");
            }));
        var receiver = await host.Client.ScheduleNewOrchestrationInstanceAsync("Receiver");
        await host.IdleAsync();

        await host.RunAsync("Sender", receiver);

        Assert.Equal("from sender", (await host.CompletionAsync(receiver)).ReadOutputAs<string>());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1000)]
    public async Task CallActivityAsync_WithRetryPolicy_RetriesAfterDurableBackoff(int cacheSize)
    {
        var attempts = new List<DateTimeOffset>();
        EngineHost? hostRef = null;
        await using var host = await Start(cacheSize, r => r
            .AddActivityFunc<object?, string>("Flaky", (_, _) =>
            {
                lock (attempts)
                {
                    attempts.Add(hostRef!.Clock.GetUtcNow());
                    if (attempts.Count < 3)
                    {
                        throw new IOException("mail server busy");
                    }
                }

                return "sent";
            })
            .AddOrchestratorFunc<object?, string>("Send", async (ctx, _) =>
                await ctx.CallActivityAsync<string>("Flaky", null, TaskOptions.FromRetryPolicy(
                    new RetryPolicy(5, TimeSpan.FromMinutes(1), backoffCoefficient: 2)))));
        hostRef = host;
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Send");

        await host.AdvanceAsync(TimeSpan.FromMinutes(1));
        await host.AdvanceAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(2, attempts.Count);
        await host.AdvanceAsync(TimeSpan.FromMinutes(1));

        Assert.Equal("sent", (await host.CompletionAsync(id)).ReadOutputAs<string>());
        Assert.Equal([TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2)], [attempts[1] - attempts[0], attempts[2] - attempts[1]]);
    }

    [Fact]
    public async Task CallActivityAsync_RetriesExhausted_SurfacesTaskFailedExceptionWithDetails()
    {
        var calls = 0;
        await using var host = await Start(1000, r => r
            .AddActivityFunc<object?, string>("AlwaysFails", (_, _) =>
            {
                if (Interlocked.Increment(ref calls) > 0)
                {
                    throw new InvalidOperationException("unit closed", new ArgumentException("inner"));
                }

                return "unreachable";
            })
            .AddOrchestratorFunc<object?, string>("Send", async (ctx, _) =>
            {
                try
                {
                    return await ctx.CallActivityAsync<string>("AlwaysFails", null, TaskOptions.FromRetryPolicy(new RetryPolicy(3, TimeSpan.FromSeconds(10))));
                }
                catch (TaskFailedException failed)
                {
                    return $"{failed.TaskName}|{failed.FailureDetails.ErrorType}|{failed.FailureDetails.ErrorMessage}|{failed.FailureDetails.InnerFailure?.ErrorMessage}|{failed.FailureDetails.IsCausedBy<InvalidOperationException>()}";
                }
            }));
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Send");

        await host.RunUntilAsync(host.Clock.GetUtcNow().AddMinutes(1));

        Assert.Equal("AlwaysFails|System.InvalidOperationException|unit closed|inner|True", (await host.CompletionAsync(id)).ReadOutputAs<string>());
        Assert.Equal(3, calls);
    }

    private sealed class ListLoggerProvider : ILoggerProvider
    {
        private readonly List<(string Category, string Message)> lines = [];

        public IReadOnlyList<string> Messages(string category)
        {
            lock (lines)
            {
                return lines.Where(l => l.Category == category).Select(l => l.Message).ToList();
            }
        }

        public ILogger CreateLogger(string categoryName) => new ListLogger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class ListLogger(ListLoggerProvider owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (owner.lines)
                {
                    owner.lines.Add((category, formatter(state, exception)));
                }
            }
        }
    }

    public sealed class OnSqlite : ReplayOrchestrationContextTests
    {
        protected override Task<EngineStore> CreateStoreAsync() => SqliteAsync();
    }

    public sealed class OnAzurite : ReplayOrchestrationContextTests
    {
        protected override Task<EngineStore> CreateStoreAsync() => AzuriteAsync();
    }
}
