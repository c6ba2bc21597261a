using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Workflows.Durable.Tests.Support;

namespace Workflows.Durable.Tests;

/// <summary>
/// Uses the engine's public API exactly as DESIGN.md's contract writes it (named arguments, initializers), so a
/// change of shape fails here before it breaks code compiled against the contract.
/// </summary>
public abstract class ContractTests : EngineTests
{
    public sealed record Step(string Name);

    public sealed class EveryMember : TaskOrchestrator<Step, string>
    {
        public override async Task<string> RunAsync(TaskOrchestrationContext context, Step input)
        {
            TaskName name = context.Name;
            string id = context.InstanceId;
            DateTime now = context.CurrentUtcDateTime;
            bool replaying = context.IsReplaying;
            Step? read = context.GetInput<Step>();
            ILogger log = context.CreateReplaySafeLogger("Contract");
            log.LogDebug("{Name} {Id} {Now} {Replaying}", name, id, now, replaying);
            await context.CallActivityAsync("Echo", input: read, options: null);
            string echoed = await context.CallActivityAsync<string>("Echo", input: read,
                options: TaskOptions.FromRetryPolicy(new RetryPolicy(maxNumberOfAttempts: 2, firstRetryInterval: TimeSpan.FromSeconds(1),
                    backoffCoefficient: 1.5, maxRetryInterval: TimeSpan.FromMinutes(1), retryTimeout: TimeSpan.FromHours(1))));
            string child = await context.CallSubOrchestratorAsync<string>("Child", input: input,
                options: new SubOrchestrationOptions { InstanceId = id + "-child" });
            await context.CallSubOrchestratorAsync("Child", input, new SubOrchestrationOptions { InstanceId = id + "-child2" });
            await context.CreateTimer(now.AddMinutes(1), CancellationToken.None);
            await context.CreateTimer(TimeSpan.FromMinutes(1), CancellationToken.None);
            string first = await context.WaitForExternalEvent<string>("First", CancellationToken.None);
            string second = await context.WaitForExternalEvent<string>("Second", TimeSpan.FromDays(1));
            context.SendEvent(id, "Self", payload: "ping");
            context.SetCustomStatus(new { step = "done" });
            Guid guid = context.NewGuid();
            return string.Join("|", echoed, child, first, second, guid == Guid.Empty ? "empty" : "guid");
        }
    }

    public sealed class Echo : TaskActivity<Step?, string>
    {
        public override Task<string> RunAsync(TaskActivityContext context, Step? input) =>
            Task.FromResult($"{input?.Name}@{context.Name}/{context.InstanceId.Length > 0}/{context.TaskId >= 0}");
    }

    [Fact]
    public async Task EveryContractMember_CompilesAndRuns()
    {
        await using var host = await EngineHost.StartAsync(Store, r => r
            .AddOrchestrator<EveryMember>()
            .AddActivity<Echo>()
            .AddOrchestratorFunc<Step, string>("Child", (_, s) => Task.FromResult("child of " + s.Name)));
        DurableTaskClient client = host.Client;
        var startAt = host.Clock.GetUtcNow();

        string id = await client.ScheduleNewOrchestrationInstanceAsync(nameof(EveryMember), input: new Step("Ahus"),
            options: new StartOrchestrationOptions { InstanceId = "contract", StartAt = startAt }, cancellation: CancellationToken.None);
        OrchestrationMetadata started = await client.WaitForInstanceStartAsync(id, getInputsAndOutputs: true, cancellation: CancellationToken.None);
        await host.RunUntilAsync(startAt.AddMinutes(2));
        await client.RaiseEventAsync(id, "First", eventPayload: "a", cancellation: CancellationToken.None);
        await client.RaiseEventAsync(id, "Second", "b");
        OrchestrationMetadata done = await host.CompletionAsync(id);

        Assert.Equal("Ahus", started.ReadInputAs<Step>()!.Name);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("Ahus@Echo/True/True|child of Ahus|a|b|guid", done.ReadOutputAs<string>());
        Assert.Equal("done", done.ReadCustomStatusAs<Dictionary<string, string>>()!["step"]);
        Assert.True(done.LastUpdatedAt >= done.CreatedAt);
        Assert.Null(done.FailureDetails);
        Assert.Equal(id, (await client.GetInstanceAsync(id, getInputsAndOutputs: false))!.InstanceId);

        var query = new OrchestrationQuery { Statuses = [OrchestrationRuntimeStatus.Completed], InstanceIdPrefix = "contract", PageSize = 50 };
        var found = new List<string>();
        await foreach (OrchestrationMetadata m in client.GetAllInstancesAsync(query))
        {
            found.Add(m.InstanceId);
        }

        Assert.Equal(["contract", "contract-child", "contract-child2"], found.Order());
        await client.SuspendInstanceAsync("contract", reason: null, cancellation: CancellationToken.None);
        await client.ResumeInstanceAsync("contract", reason: null, cancellation: CancellationToken.None);
        await client.TerminateInstanceAsync("contract", output: null, cancellation: CancellationToken.None);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await client.WaitForInstanceCompletionAsync(id, CancellationToken.None)).RuntimeStatus);
        PurgeResult purged = await client.PurgeInstanceAsync(id);
        PurgeResult rest = await client.PurgeAllInstancesAsync(new PurgeInstancesFilter(Statuses: [OrchestrationRuntimeStatus.Completed]));
        Assert.Equal((1, 2), (purged.PurgedInstanceCount, rest.PurgedInstanceCount));
    }

    [Fact]
    public void Hosting_ReadsAsTheContractWritesIt()
    {
        var services = new ServiceCollection();
        IServiceCollection returned = services.AddDurableTask(b => b
            .AddTasks(r => r.AddOrchestrator<EveryMember>().AddActivity<Echo>())
            .UseSqlite(Path.Combine(Path.GetTempPath(), "contract.db")));

        Assert.Same(services, returned);
        Assert.Contains(services, d => d.ServiceType == typeof(DurableTaskClient));
    }

    [Fact]
    public void TaskFailedException_CarriesTaskFailureDetails()
    {
        var details = new TaskFailureDetails(ErrorType: "System.IO.IOException", ErrorMessage: "disk", StackTrace: null, InnerFailure: null);

        var exception = new TaskFailedException("Archive", 3, details);

        Assert.Same(details, exception.FailureDetails);
        Assert.True(details.IsCausedBy<IOException>());
        Assert.Contains("Archive", exception.Message, StringComparison.Ordinal);
    }

    public sealed class OnSqlite : ContractTests
    {
        protected override Task<EngineStore> CreateStoreAsync() => SqliteAsync();
    }

    public sealed class OnAzurite : ContractTests
    {
        protected override Task<EngineStore> CreateStoreAsync() => AzuriteAsync();
    }
}
