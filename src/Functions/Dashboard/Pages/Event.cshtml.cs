using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflows.Network;
using Workflows.Network.Storage;
using Workflows.Wheel.Calendar;
using Workflows.Wheel.Courses;
using Workflows.Wheel.Events;
using Workflows.Wheel.Orchestrations;
using Workflows.Wheel.Plan;
using Workflows.Wheel.Uploads;
using Workflows.Steps;

namespace Workflows.Functions.Dashboard.Pages;

/// <summary>
/// One event of the wheel as the operator runs it: where it stands, the course roster with the attendance list once
/// it has been held, and the newsletter's text when the newsletter waits for it.
/// </summary>
public sealed class EventModel(
    DurableTaskClient client, NetworkRegistry registry, CourseRosters rosters, AttendanceDesk attendance, NewsletterDesk newsletters) : NetworkPageModel(registry)
{
    /// <summary>The event.</summary>
    public WheelOccurrence Occurrence { get; private set; } = null!;

    /// <summary>Where its orchestration stands.</summary>
    public WheelEventStatus Status { get; private set; } = new();

    /// <summary>True while the orchestration runs.</summary>
    public bool IsRunning { get; private set; }

    /// <summary>The course roster, for courses and the subject day.</summary>
    public CourseRoster? Roster { get; private set; }

    /// <summary>The newsletter text as sent back after a fault.</summary>
    public string? NewsletterText { get; private set; }

    /// <summary>The attendance list's fault.</summary>
    public string? AttendanceError { get; private set; }

    /// <summary>The newsletter text's fault.</summary>
    public string? NewsletterError { get; private set; }

    /// <summary>What the last button did.</summary>
    public string? Message { get; private set; }

    /// <summary>The page's words.</summary>
    public EventTexts Words => EventTexts.For(Network.Language);

    // The course and the newsletter take what was sent a moment after the post; until then their status still asks,
    // so what was just recorded (the roster's attendance, the message) decides that the form is not shown again.

    /// <summary>True when the attendance list can be sent.</summary>
    public bool TakesAttendance => IsRunning && Roster is { Attended.Count: 0 } && Status.Phase == WheelPhase.AwaitingAttendance;

    /// <summary>True when the newsletter's text can be written.</summary>
    public bool TakesNewsletter =>
        IsRunning && Message is null && Occurrence.Kind == WheelEventKind.Newsletter && Status is { Phase: WheelPhase.AwaitingDocument, UploadTokenId: not null };

    /// <summary>Shows the event.</summary>
    public Task<IActionResult> OnGetAsync(string instanceId, CancellationToken cancellation) => LoadAsync(instanceId, cancellation);

    /// <summary>Records who attended; the course then sends certificates.</summary>
    public async Task<IActionResult> OnPostAttendanceAsync(string instanceId, string[]? attended, CancellationToken cancellation)
    {
        var loaded = await LoadAsync(instanceId, cancellation).ConfigureAwait(false);
        if (loaded is not PageResult)
        {
            return loaded;
        }

        try
        {
            await attendance.RecordAsync(instanceId, attended ?? [], "dashboard", cancellation).ConfigureAwait(false);
            Message = Words.AttendanceRecorded;
            return await LoadAsync(instanceId, cancellation).ConfigureAwait(false);
        }
        catch (RegistryValidationException)
        {
            AttendanceError = Words.AttendanceEmpty;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }
        catch (RegistryConflictException)
        {
            AttendanceError = Words.AttendanceClosed;
            Response.StatusCode = StatusCodes.Status409Conflict;
        }

        return Page();
    }

    /// <summary>Makes the newsletter from its text and sends it on.</summary>
    public async Task<IActionResult> OnPostNewsletterAsync(string instanceId, string? text, CancellationToken cancellation)
    {
        var loaded = await LoadAsync(instanceId, cancellation).ConfigureAwait(false);
        if (loaded is not PageResult)
        {
            return loaded;
        }

        NewsletterText = text;
        try
        {
            await newsletters.WriteAsync(instanceId, text, cancellation).ConfigureAwait(false);
            Message = Words.NewsletterSent;
            NewsletterText = null;
            return await LoadAsync(instanceId, cancellation).ConfigureAwait(false);
        }
        catch (RegistryValidationException)
        {
            NewsletterError = string.IsNullOrWhiteSpace(text)
                ? Words.NewsletterEmpty
                : string.Format(CultureInfo.InvariantCulture, Words.NewsletterTooLong, NewsletterDesk.MaxLength);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }
        catch (RegistryConflictException)
        {
            NewsletterError = Words.NewsletterClosed;
            Response.StatusCode = StatusCodes.Status409Conflict;
        }

        return Page();
    }

    private async Task<IActionResult> LoadAsync(string instanceId, CancellationToken cancellation)
    {
        var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellation).ConfigureAwait(false);
        if (instance is null || !WheelOrchestrations.Carries(instance.Name) || instance.ReadInputAs<WheelOccurrence>() is not { } occurrence
            || !await FindNetworkAsync(occurrence.NetworkId, cancellation).ConfigureAwait(false))
        {
            return NotFound();
        }

        (Occurrence, IsRunning) = (occurrence, instance.IsUnderway());
        Status = instance.ReadCustomStatusAs<WheelEventStatus>() ?? new WheelEventStatus();
        Roster = await rosters.FindAsync(instanceId, cancellation).ConfigureAwait(false);
        return Page();
    }
}
