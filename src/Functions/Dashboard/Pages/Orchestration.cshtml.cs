using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using DurableTask.Core.History;
using Workflows.Network;

namespace Workflows.Functions.Dashboard.Pages;

/// <summary>One orchestration: where it stands, its history, and pause, resume, terminate (confirmed) and raise event.</summary>
public sealed class OrchestrationModel(DurableTaskClient client, NetworkRegistry registry, TimeProvider time) : PageModel
{
    // Shown to a person: indented, and Norwegian letters as letters (the page encodes the text itself).
    private Func<ProcessTexts, string>? eventError;

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The orchestration.</summary>
    public OrchestrationMetadata Instance { get; private set; } = null!;

    /// <summary>Its custom status, indented.</summary>
    public string CustomStatus { get; private set; } = string.Empty;

    /// <summary>Its history.</summary>
    public IReadOnlyList<HistoryEvent> History { get; private set; } = [];

    /// <summary>The network it belongs to, when it belongs to one (its words are then the network's language).</summary>
    public CompetenceNetwork? Network { get; private set; }

    /// <summary>The layout's words.</summary>
    public DashboardTexts Texts => DashboardTexts.For(Network?.Language ?? NetworkLanguage.Bokmal);

    /// <summary>The page's words.</summary>
    public ProcessTexts Words => ProcessTexts.For(Network?.Language ?? NetworkLanguage.Bokmal);

    /// <summary>What the last action did.</summary>
    public string? Message { get; private set; }

    /// <summary>Whether terminate was asked without the confirmation ticked.</summary>
    public bool ConfirmMissing { get; private set; }

    /// <summary>The reason given for terminating.</summary>
    public string? Reason { get; private set; }

    /// <summary>The event name given.</summary>
    public string? EventName { get; private set; }

    /// <summary>The event payload given.</summary>
    public string? Payload { get; private set; }

    /// <summary>What is wrong with the event asked for.</summary>
    public string? EventError => eventError?.Invoke(Words);

    /// <summary>
    /// What a history event concerns, in a few words: the activity scheduled (and, on its completion or failure, the
    /// activity again), the event raised or sent, the timer's time, the sub-orchestration.
    /// </summary>
    public string Describe(HistoryEvent historyEvent) => historyEvent switch
    {
        TaskScheduledEvent scheduled => scheduled.Name ?? string.Empty,
        TaskCompletedEvent completed => ScheduledName(completed.TaskScheduledId),
        TaskFailedEvent failed => $"{ScheduledName(failed.TaskScheduledId)}: {failed.FailureDetails?.ErrorMessage ?? failed.Reason}",
        EventRaisedEvent raised => raised.Name,
        EventSentEvent sent => $"{sent.Name} → {sent.InstanceId}",
        TimerCreatedEvent timer => $"{Words.Until} {OrchestrationsModel.Local(new DateTimeOffset(DateTime.SpecifyKind(timer.FireAt, DateTimeKind.Utc)))}",
        SubOrchestrationInstanceCreatedEvent sub => $"{sub.Name} ({sub.InstanceId})",
        ExecutionStartedEvent started => started.Name ?? string.Empty,
        _ => string.Empty,
    };

    /// <summary>Shows the orchestration.</summary>
    public Task<IActionResult> OnGetAsync(string instanceId, CancellationToken cancellation) => ShowAsync(instanceId, null, cancellation);

    /// <summary>Pauses it.</summary>
    public async Task<IActionResult> OnPostSuspendAsync(string instanceId, CancellationToken cancellation)
    {
        await client.SuspendInstanceAsync(instanceId, "dashboard", cancellation).ConfigureAwait(false);
        await SettleAsync(instanceId, OrchestrationRuntimeStatus.Suspended, cancellation).ConfigureAwait(false);
        return await ShowAsync(instanceId, w => w.Suspended, cancellation).ConfigureAwait(false);
    }

    /// <summary>Resumes it.</summary>
    public async Task<IActionResult> OnPostResumeAsync(string instanceId, CancellationToken cancellation)
    {
        await client.ResumeInstanceAsync(instanceId, "dashboard", cancellation).ConfigureAwait(false);
        await SettleAsync(instanceId, OrchestrationRuntimeStatus.Running, cancellation).ConfigureAwait(false);
        return await ShowAsync(instanceId, w => w.Resumed, cancellation).ConfigureAwait(false);
    }

    /// <summary>Terminates it, when confirmed.</summary>
    public async Task<IActionResult> OnPostTerminateAsync(string instanceId, string? confirm, string? reason, CancellationToken cancellation)
    {
        Reason = reason;
        if (confirm != "yes")
        {
            ConfirmMissing = true;
            var shown = await ShowAsync(instanceId, null, cancellation).ConfigureAwait(false);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return shown;
        }

        // Only the network is needed first: the default reason is in its language.
        if (await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellation).ConfigureAwait(false) is not { } instance)
        {
            return NotFound();
        }

        Network = await NetworkOfAsync(instance, cancellation).ConfigureAwait(false);
        await client.TerminateInstanceAsync(instanceId, string.IsNullOrWhiteSpace(reason) ? Words.TerminatedReason : reason.Trim(), cancellation).ConfigureAwait(false);
        await SettleAsync(instanceId, OrchestrationRuntimeStatus.Terminated, cancellation).ConfigureAwait(false);
        return await ShowAsync(instanceId, w => w.Terminated, cancellation).ConfigureAwait(false);
    }

    /// <summary>Raises an event with an optional JSON payload.</summary>
    public async Task<IActionResult> OnPostRaiseAsync(string instanceId, string? eventName, string? payload, CancellationToken cancellation)
    {
        (EventName, Payload) = (eventName, payload);
        JsonElement? body = null;
        if (string.IsNullOrWhiteSpace(eventName))
        {
            eventError = w => w.EventNameMissing;
        }
        else if (!string.IsNullOrWhiteSpace(payload))
        {
            try
            {
                body = JsonDocument.Parse(payload).RootElement.Clone();
            }
            catch (JsonException)
            {
                eventError = w => w.PayloadInvalid;
            }
        }

        if (eventError is not null)
        {
            var shown = await ShowAsync(instanceId, null, cancellation).ConfigureAwait(false);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return shown;
        }

        await client.RaiseEventAsync(instanceId, eventName!.Trim(), body, cancellation).ConfigureAwait(false);
        return await ShowAsync(instanceId, w => string.Format(System.Globalization.CultureInfo.InvariantCulture, w.EventSent, eventName.Trim()), cancellation).ConfigureAwait(false);
    }

    private Task SettleAsync(string instanceId, OrchestrationRuntimeStatus wanted, CancellationToken cancellation) =>
        InstanceSettling.UntilAsync(client, instanceId, i => i.RuntimeStatus == wanted || i.IsCompleted, time, cancellation);

    private async Task<IActionResult> ShowAsync(string instanceId, Func<ProcessTexts, string>? message, CancellationToken cancellation)
    {
        if (await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellation).ConfigureAwait(false) is not { } instance)
        {
            return NotFound();
        }

        Instance = instance;
        Network = await NetworkOfAsync(instance, cancellation).ConfigureAwait(false);
        Message = message?.Invoke(Words);
        CustomStatus = instance.SerializedCustomStatus is { } custom
            ? JsonSerializer.Serialize(JsonDocument.Parse(custom).RootElement, Indented)
            : "–";
        History = [.. await client.GetOrchestrationHistoryAsync(instanceId, cancellation).ConfigureAwait(false)];
        return Page();
    }

    /// <summary>
    /// The network from the orchestration's input: a wheel event names it, an onboarding or a resignation names the
    /// nurse; anything else (or an erased nurse) has none.
    /// </summary>
    private async Task<CompetenceNetwork?> NetworkOfAsync(OrchestrationMetadata instance, CancellationToken cancellation)
    {
        if (instance.SerializedInput is not { } input || JsonDocument.Parse(input).RootElement is not { ValueKind: JsonValueKind.Object } root)
        {
            return null;
        }

        var networkId = Property(root, "networkId");
        if (networkId is null && Property(root, "nurseId") is { } nurseId)
        {
            networkId = (await registry.FindAsync<ResourceNurse>(nurseId, cancellation).ConfigureAwait(false))?.Entity.NetworkId;
        }

        return networkId is null ? null : (await registry.FindAsync<CompetenceNetwork>(networkId, cancellation).ConfigureAwait(false))?.Entity;
    }

    private string ScheduledName(int taskId) =>
        History.OfType<TaskScheduledEvent>().FirstOrDefault(s => s.EventId == taskId)?.Name ?? string.Empty;

    private static string? Property(JsonElement root, string name) =>
        root.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Value is { ValueKind: JsonValueKind.String } value
            ? value.GetString()
            : null;
}
