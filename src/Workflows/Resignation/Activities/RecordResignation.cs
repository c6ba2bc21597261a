using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflows.Network;
using Workflows.Steps;

namespace Workflows.Resignation.Activities;

/// <summary>Records the end date and marks the nurse as resigning (inactive at once when the end date has passed).</summary>
public sealed class RecordResignation(NetworkRegistry registry) : KeyedActivity<ResignationRequest>
{
    /// <inheritdoc />
    protected override async Task RunAsync(ActivityCall context, ResignationRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var today = registry.Today;
        await registry.ChangeAsync<ResourceNurse>(
            input.NurseId,
            nurse => nurse with
            {
                EndDate = input.EndDate,
                Status = nurse.Status is NurseStatus.Inactive or NurseStatus.Erased ? nurse.Status
                    : input.EndDate < today ? NurseStatus.Inactive
                    : NurseStatus.Resigning,
            },
            $"orchestration:{context.InstanceId}").ConfigureAwait(false);
    }
}
