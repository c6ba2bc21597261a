using Workflows.Durable;
using Workflows.Network;

namespace Workflows.Resignation.Activities;

/// <summary>Marks the nurse inactive after the end date: off the name list and the coverage count.</summary>
public sealed class MarkNurseInactive(NetworkRegistry registry) : TaskActivity<string, bool>
{
    /// <inheritdoc />
    public override async Task<bool> RunAsync(TaskActivityContext context, string input)
    {
        await registry.ChangeAsync<ResourceNurse>(
            input,
            nurse => nurse.Status is NurseStatus.Erased ? nurse : nurse with { Status = NurseStatus.Inactive },
            $"orchestration:{context.InstanceId}").ConfigureAwait(false);
        return true;
    }
}
