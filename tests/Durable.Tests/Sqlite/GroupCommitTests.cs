using DurableTask.Core;
using DurableTask.Core.Exceptions;
using DurableTask.Core.History;
using Microsoft.Extensions.Logging.Abstractions;
using Workflows.Durable.Sqlite;

namespace Workflows.Durable.Tests.Sqlite;

public sealed class GroupCommitTests
{
    [Fact]
    public async Task AWriteRefusedAmongOthers_FailsAlone_AndTheOthersAreCommitted()
    {
        var path = Path.Combine(Path.GetTempPath(), "backend-tests", Guid.NewGuid().ToString("N"), "durable.db");
        await using var service = new SqliteOrchestrationService(new SqliteBackendOptions(path), TimeProvider.System, NullLogger<SqliteOrchestrationService>.Instance);
        await service.CreateIfNotExistsAsync();
        await service.CreateTaskOrchestrationAsync(Start("taken"));

        // Started all at once, the writes queue up and commit together; the refused starts are among them.
        var starts = Enumerable.Range(0, 60)
            .Select(i => i % 3 == 0 ? Attempt("taken") : Attempt($"new-{i}"))
            .ToList();
        var outcomes = await Task.WhenAll(starts);

        Assert.All(outcomes.Where(o => o.Id == "taken"), o => Assert.IsType<OrchestrationAlreadyExistsException>(o.Error));
        Assert.All(outcomes.Where(o => o.Id != "taken"), o => Assert.Null(o.Error));
        foreach (var (id, _) in outcomes.Where(o => o.Id != "taken"))
        {
            Assert.NotNull(await service.GetOrchestrationStateAsync(id, (string)null!));
        }

        async Task<(string Id, Exception? Error)> Attempt(string id)
        {
            try
            {
                await service.CreateTaskOrchestrationAsync(Start(id), [OrchestrationStatus.Pending, OrchestrationStatus.Running]);
                return (id, null);
            }
            catch (Exception ex)
            {
                return (id, ex);
            }
        }
    }

    private static TaskMessage Start(string instanceId)
    {
        var instance = new OrchestrationInstance { InstanceId = instanceId, ExecutionId = Guid.NewGuid().ToString("N") };
        return new TaskMessage { OrchestrationInstance = instance, Event = new ExecutionStartedEvent(-1, null) { Name = "Flow", OrchestrationInstance = instance } };
    }
}
