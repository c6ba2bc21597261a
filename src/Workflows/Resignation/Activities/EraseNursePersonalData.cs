using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflows.Network;
using Workflows.Wheel.Surveys;
using Workflows.Steps;

namespace Workflows.Resignation.Activities;

/// <summary>
/// After the retention period, deletes the nurse's personal data from the registry and its audit trail, with the
/// free-text answers given by or about the nurse in questionnaires (the yes/no and number answers stay for the
/// year's figures); the service record and the archived signed function description stay.
/// </summary>
public sealed class EraseNursePersonalData(NetworkRegistry registry) : KeyedActivity<string>
{
    /// <inheritdoc />
    protected override async Task RunAsync(ActivityCall context, string input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var actor = $"orchestration:{context.InstanceId}";
        var nurse = await registry.EraseNurseAsync(input, actor).ConfigureAwait(false);
        await SurveyAnswers.EraseFreeTextAsync(registry, nurse, actor).ConfigureAwait(false);
    }
}
