using System.Globalization;
using System.Text.RegularExpressions;

namespace Workflows.Durable.Storage.Azure;

/// <summary>The names of a task hub's tables, queues and container, as infra/bicep creates them.</summary>
/// <param name="Instances">Table of instance partitions: state, history, inbox, activities and outbox rows.</param>
/// <param name="Work">Table of due times: which instance to look at when, on the injected clock.</param>
/// <param name="WorkQueue">Queue of wake-up notices for the Functions queue trigger.</param>
/// <param name="PoisonQueue">Queue where notices that kept failing are set aside.</param>
/// <param name="Payloads">Container for values too large for a table property.</param>
internal sealed partial record AzureTaskHubNames(string Instances, string Work, string WorkQueue, string PoisonQueue, string Payloads)
{
    public static AzureTaskHubNames For(string taskHub)
    {
        // Table names are alphanumeric and queue and container names lower case: one rule that suits all three.
        if (string.IsNullOrEmpty(taskHub) || !HubName().IsMatch(taskHub))
        {
            throw new ArgumentException($"The task hub name '{taskHub}' must be 3-45 lower-case letters and digits, starting with a letter.", nameof(taskHub));
        }

        var hub = taskHub.ToLower(CultureInfo.InvariantCulture);
        return new($"{hub}Instances", $"{hub}Work", $"{hub}-work", $"{hub}-work-poison", $"{hub}-payloads");
    }

    [GeneratedRegex("^[a-z][a-z0-9]{2,44}$")]
    private static partial Regex HubName();
}
