using Workflows.Durable;
using Workflows.Network;

namespace Workflows.Resignation.Activities;

/// <summary>
/// After the retention period, deletes the nurse's personal data from the registry and its audit trail; the service
/// record and the archived signed function description stay.
/// </summary>
public sealed class EraseNursePersonalData(NetworkRegistry registry) : TaskActivity<string, bool>
{
    /// <inheritdoc />
    public override async Task<bool> RunAsync(TaskActivityContext context, string input)
    {
        await registry.EraseNurseAsync(input, $"orchestration:{context.InstanceId}").ConfigureAwait(false);
        return true;
    }
}
