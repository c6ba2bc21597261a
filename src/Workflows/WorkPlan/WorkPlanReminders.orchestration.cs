using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflows.Steps;

namespace Workflows.WorkPlan;

/// <summary>
/// Once a year, reminds a resource nurse and the nearest leader to hold their meeting and agree the work plan; ends
/// when the nurse is no longer in the function.
/// </summary>
[DurableTask(Name)]
public sealed class WorkPlanReminders : TaskOrchestrator<WorkPlanReminders.Input, bool>
{
    /// <summary>The orchestrator's name.</summary>
    public const string Name = "WorkPlanReminders";

    /// <summary>The instance id for a nurse's reminders.</summary>
    public static string InstanceIdFor(string nurseId) => $"workplan-{nurseId}";

    /// <inheritdoc />
    public override async Task<bool> RunAsync(TaskOrchestrationContext context, Input input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        context.SetCustomStatus(new { input.NurseId, NextReminder = input.NextReminder });
        await context.CreateTimer(input.NextReminder, CancellationToken.None);
        var stillInFunction = await context.CallActivityAsync<bool>(nameof(SendWorkPlanReminder), Keyed.For(context, input.NurseId));
        if (!stillInFunction)
        {
            return false;
        }

        context.ContinueAsNew(input with { NextReminder = input.NextReminder.AddYears(1) });
        return true;
    }

    /// <summary>The nurse and when the next reminder goes out (UTC).</summary>
    /// <param name="NurseId">The nurse.</param>
    /// <param name="NextReminder">When.</param>
    public sealed record Input(string NurseId, DateTime NextReminder);
}
