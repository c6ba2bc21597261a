using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workflows.Durable;
using Workflows.Durable.History;
using Workflows.Durable.Storage;

namespace Workflows.Functions.Dashboard.Pages;

/// <summary>One orchestration: where it stands, its history, and pause, resume, terminate (confirmed) and raise event.</summary>
public sealed class OrchestrationModel(DurableTaskClient client, IOrchestrationStore store, TimeProvider time) : PageModel
{
    // Shown to a person: indented, and Norwegian letters as letters (the page encodes the text itself).
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The orchestration.</summary>
    public OrchestrationMetadata Instance { get; private set; } = null!;

    /// <summary>Its custom status, indented.</summary>
    public string CustomStatus { get; private set; } = string.Empty;

    /// <summary>Its history.</summary>
    public IReadOnlyList<HistoryEvent> History { get; private set; } = [];

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
    public string? EventError { get; private set; }

    /// <summary>Shows the orchestration.</summary>
    public Task<IActionResult> OnGetAsync(string instanceId, CancellationToken cancellation) => ShowAsync(instanceId, null, cancellation);

    /// <summary>Pauses it.</summary>
    public async Task<IActionResult> OnPostSuspendAsync(string instanceId, CancellationToken cancellation)
    {
        await client.SuspendInstanceAsync(instanceId, "dashboard", cancellation).ConfigureAwait(false);
        await SettleAsync(instanceId, OrchestrationRuntimeStatus.Suspended, cancellation).ConfigureAwait(false);
        return await ShowAsync(instanceId, "Prosessen er satt på pause.", cancellation).ConfigureAwait(false);
    }

    /// <summary>Resumes it.</summary>
    public async Task<IActionResult> OnPostResumeAsync(string instanceId, CancellationToken cancellation)
    {
        await client.ResumeInstanceAsync(instanceId, "dashboard", cancellation).ConfigureAwait(false);
        await SettleAsync(instanceId, OrchestrationRuntimeStatus.Running, cancellation).ConfigureAwait(false);
        return await ShowAsync(instanceId, "Prosessen fortsetter.", cancellation).ConfigureAwait(false);
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

        await client.TerminateInstanceAsync(instanceId, string.IsNullOrWhiteSpace(reason) ? "Avsluttet fra dashbordet" : reason.Trim(), cancellation).ConfigureAwait(false);
        await SettleAsync(instanceId, OrchestrationRuntimeStatus.Terminated, cancellation).ConfigureAwait(false);
        return await ShowAsync(instanceId, "Prosessen er avsluttet.", cancellation).ConfigureAwait(false);
    }

    /// <summary>Raises an event with an optional JSON payload.</summary>
    public async Task<IActionResult> OnPostRaiseAsync(string instanceId, string? eventName, string? payload, CancellationToken cancellation)
    {
        (EventName, Payload) = (eventName, payload);
        JsonElement? body = null;
        if (string.IsNullOrWhiteSpace(eventName))
        {
            EventError = "Skriv inn navnet på hendelsen.";
        }
        else if (!string.IsNullOrWhiteSpace(payload))
        {
            try
            {
                body = JsonDocument.Parse(payload).RootElement.Clone();
            }
            catch (JsonException)
            {
                EventError = "Innholdet er ikke gyldig JSON.";
            }
        }

        if (EventError is not null)
        {
            var shown = await ShowAsync(instanceId, null, cancellation).ConfigureAwait(false);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return shown;
        }

        await client.RaiseEventAsync(instanceId, eventName!.Trim(), body, cancellation).ConfigureAwait(false);
        return await ShowAsync(instanceId, $"Hendelsen «{eventName.Trim()}» er sendt.", cancellation).ConfigureAwait(false);
    }

    private Task SettleAsync(string instanceId, OrchestrationRuntimeStatus wanted, CancellationToken cancellation) =>
        InstanceSettling.UntilAsync(client, instanceId, i => i.RuntimeStatus == wanted || i.RuntimeStatus.IsTerminal(), time, cancellation);

    private async Task<IActionResult> ShowAsync(string instanceId, string? message, CancellationToken cancellation)
    {
        if (await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellation).ConfigureAwait(false) is not { } instance)
        {
            return NotFound();
        }

        Instance = instance;
        Message = message;
        CustomStatus = instance.SerializedCustomStatus is { } custom
            ? JsonSerializer.Serialize(JsonDocument.Parse(custom).RootElement, Indented)
            : "–";
        History = await store.GetHistoryAsync(instanceId, cancellation).ConfigureAwait(false);
        return Page();
    }
}
