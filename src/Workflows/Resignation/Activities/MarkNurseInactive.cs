using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflows.Network;
using Workflows.Steps;

namespace Workflows.Resignation.Activities;

/// <summary>Marks the nurse inactive after the end date: off the name list and the coverage count.</summary>
public sealed class MarkNurseInactive(NetworkRegistry registry) : KeyedActivity<string>
{
    /// <inheritdoc />
    protected override async Task RunAsync(ActivityCall context, string input)
    {
        await registry.ChangeAsync<ResourceNurse>(
            input,
            nurse => nurse.Status is NurseStatus.Erased ? nurse : nurse with { Status = NurseStatus.Inactive },
            $"orchestration:{context.InstanceId}").ConfigureAwait(false);
    }
}
