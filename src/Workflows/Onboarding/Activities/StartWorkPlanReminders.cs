using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflows.WorkPlan;
using Workflows.Steps;

namespace Workflows.Onboarding.Activities;

/// <summary>Starts the nurse's yearly work-plan reminders (once; a retry finds the instance and leaves it).</summary>
public sealed class StartWorkPlanReminders(DurableTaskClient client, TimeProvider time) : KeyedActivity<string, bool>
{
    /// <summary>How long after onboarding the first reminder comes: time to settle in, then plan the year.</summary>
    public static readonly TimeSpan FirstReminderAfter = TimeSpan.FromDays(28);

    /// <inheritdoc />
    protected override async Task<bool> RunAsync(ActivityCall context, string input)
    {
        var id = WorkPlanReminders.InstanceIdFor(input);
        if (await client.GetInstanceAsync(id).ConfigureAwait(false) is not null)
        {
            return false;
        }

        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(
                WorkPlanReminders.Name,
                new WorkPlanReminders.Input(input, time.GetUtcNow().UtcDateTime.Add(FirstReminderAfter)),
                new StartOrchestrationOptions(id)).ConfigureAwait(false);
            return true;
        }
        catch (DurableTask.Core.Exceptions.OrchestrationAlreadyExistsException)
        {
            return false;
        }
    }
}
