using Workflows.Durable;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Workflows.Courses;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflows.Network;
using Workflows.Wheel.Courses;
using Workflows.Wheel.Events;
using Workflows.Wheel.Overview;
using Workflows.Wheel.Reports;
using Workflows.Wheel.Surveys;
using Workflows.Wheel.Tick;
using Workflows.Wheel.Uploads;

namespace Workflows.Simulation;

/// <summary>
/// The simulated network: made-up nurses, and people who answer as people do — seven in ten register for a course,
/// six in ten answer a questionnaire, asked-for documents arrive three days later, and the operator marks nine in
/// ten of those seated as present.
/// </summary>
internal sealed class SimulatedPeople(IServiceProvider services, FakeTimeProvider clock, SimulationTimeline timeline, SimulationOptions options)
{
    private static readonly byte[] SampleDocument = Encoding.ASCII.GetBytes("%PDF-1.4\n% simulert dokument\n%%EOF\n");
    private static readonly TimeOnly Morning = new(6, 0);

    private readonly NetworkRegistry registry = services.GetRequiredService<NetworkRegistry>();
    private readonly IDurableTaskBackendMonitor worker = services.GetRequiredService<IDurableTaskBackendMonitor>();
    private readonly RecordingEmailSender mail = services.GetRequiredService<RecordingEmailSender>();
    private readonly List<(DateTimeOffset At, string Token)> uploadsDue = [];
    private readonly HashSet<string> seenLinks = new(StringComparer.Ordinal);
    private readonly HashSet<string> attendanceDone = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> states = new(StringComparer.Ordinal);

    public int NurseCount { get; private set; }

    /// <summary>Fills the network's units with active nurses; about one in eight is new this year (intro and, without further education, basic course).</summary>
    public async Task SeedNursesAsync()
    {
        var units = await registry.ListAsync<Unit>(options.Network).ConfigureAwait(false);
        var total = options.Nurses > 0 ? options.Nurses : options.NursesPerUnit * units.Count;
        for (var i = 0; i < total; i++)
        {
            var unit = units[i % units.Count];
            var id = $"rn-sim{i:D6}";
            var isNew = i % 8 == 7;
            var furtherEducation = i % 3 == 0;
            await registry.CreateAsync(
                new ResourceNurse
                {
                    Id = id,
                    NetworkId = options.Network,
                    UnitId = unit.Id,
                    Name = $"Sykepleier {i + 1}",
                    Email = $"sykepleier{i + 1}@{unit.Id}.example",
                    HasFurtherEducation = furtherEducation,
                    StartDate = isNew ? new DateOnly(options.Year, 1, 15) : new DateOnly(options.Year - 3, 8, 1),
                    Status = NurseStatus.Active,
                },
                "simulation").ConfigureAwait(false);
            if (isNew)
            {
                await EnrolAsync(id, CourseKind.IntroCourse).ConfigureAwait(false);
                if (!furtherEducation)
                {
                    await EnrolAsync(id, CourseKind.BasicCourse).ConfigureAwait(false);
                }
            }
        }

        NurseCount = total;
    }

    /// <summary>One day: the 06:00 tick, then everything due until the next morning, with people answering as it happens.</summary>
    public async Task LiveDayAsync(DateOnly day)
    {
        var morning = NorwegianTime.At(day, Morning);
        if (morning > clock.GetUtcNow())
        {
            clock.SetUtcNow(morning);
        }

        await services.GetRequiredService<WheelTick>().RunAsync(options.Network).ConfigureAwait(false);
        var end = NorwegianTime.At(day.AddDays(1), Morning);
        while (true)
        {
            await worker.WaitForIdleAsync().ConfigureAwait(false);
            var acted = await AnswerAsync().ConfigureAwait(false);
            await worker.WaitForIdleAsync().ConfigureAwait(false);
            if (acted)
            {
                continue;
            }

            var next = await worker.GetNextDueTimeAsync().ConfigureAwait(false);
            var upload = uploadsDue.Count > 0 ? uploadsDue.Min(u => u.At) : (DateTimeOffset?)null;
            var candidate = next is null ? upload : upload is null || next < upload ? next : upload;
            if (candidate is not { } at || at >= end)
            {
                // Once a day, as an operator would: mark who came to the courses held.
                if (await MarkAttendanceAsync().ConfigureAwait(false))
                {
                    continue;
                }

                break;
            }

            clock.SetUtcNow(at > clock.GetUtcNow() ? at : clock.GetUtcNow());
        }

        await RecordStatusAsync().ConfigureAwait(false);
        timeline.Flush();
    }

    private Task<Versioned<CourseEnrolment>> EnrolAsync(string nurseId, CourseKind course) => registry.CreateAsync(
        new CourseEnrolment
        {
            Id = CourseEnrolment.IdFor(nurseId, course, options.Year),
            NetworkId = options.Network,
            NurseId = nurseId,
            Course = course,
            Year = options.Year,
            EnrolledAt = clock.GetUtcNow(),
        },
        "simulation");

    /// <summary>Reads new emails and acts on their links, and uploads what is due. True when anything was done.</summary>
    private async Task<bool> AnswerAsync()
    {
        var acted = false;
        while (mail.Inbox.TryDequeue(out var message))
        {
            foreach (System.Text.RegularExpressions.Match link in YearSimulation.ActionLink().Matches(message.TextBody))
            {
                var token = link.Groups["token"].Value;
                if (!seenLinks.Add(token))
                {
                    continue;
                }

                if (link.Groups["purpose"].Value == "upload")
                {
                    uploadsDue.Add((clock.GetUtcNow().AddDays(3), token));
                }
                else if (link.Groups["purpose"].Value == "approve")
                {
                    // The working group approves at once; the first member's approval counts for the group.
                    await services.GetRequiredService<ApprovalDesk>().ApproveAsync(token).ConfigureAwait(false);
                    acted = true;
                }
                else if (link.Groups["purpose"].Value == "answer")
                {
                    if (YearSimulation.Chance(message.To[0].Address, token, 0.6))
                    {
                        await AnswerSurveyAsync(token).ConfigureAwait(false);
                        acted = true;
                    }
                }
                else if (YearSimulation.Chance(message.To[0].Address, token, 0.7))
                {
                    await services.GetRequiredService<RegistrationDesk>().ActAsync(token, register: true).ConfigureAwait(false);
                    acted = true;
                }
            }
        }

        foreach (var due in uploadsDue.Where(u => u.At <= clock.GetUtcNow()).ToList())
        {
            uploadsDue.Remove(due);
            await services.GetRequiredService<UploadDesk>().UploadAsync(due.Token, "dokument.pdf", SampleDocument).ConfigureAwait(false);
            acted = true;
        }

        return acted;
    }

    /// <summary>Marks nine in ten of those seated as present on each course waiting for attendance; true when any was marked.</summary>
    private async Task<bool> MarkAttendanceAsync()
    {
        var marked = false;
        foreach (var view in await ViewsAsync().ConfigureAwait(false))
        {
            if (view.Status?.Phase == WheelPhase.AwaitingAttendance && attendanceDone.Add(view.InstanceId))
            {
                var roster = await services.GetRequiredService<CourseRosters>().GetAsync(view.InstanceId).ConfigureAwait(false);
                var present = roster.Seated.Where(r => YearSimulation.Chance(r.Email, view.InstanceId, 0.9)).Select(r => r.Email).ToList();
                if (present.Count > 0)
                {
                    await services.GetRequiredService<AttendanceDesk>().RecordAsync(view.InstanceId, present, "simulation").ConfigureAwait(false);
                    marked = true;
                }
            }
        }

        return marked;
    }

    /// <summary>Answers a questionnaire: yes to the yes/no questions, two to the numbers, nothing in the free text.</summary>
    private async Task AnswerSurveyAsync(string token)
    {
        var desk = services.GetRequiredService<SurveyDesk>();
        var questions = (await desk.OpenAsync(token).ConfigureAwait(false)).Questions;
        await desk.AnswerAsync(token, questions.ToDictionary(q => q.Id, q => q.Kind switch { "yes-no" => "yes", "number" => "2", _ => string.Empty }, StringComparer.Ordinal))
            .ConfigureAwait(false);
    }

    private async Task RecordStatusAsync()
    {
        foreach (var view in await ViewsAsync().ConfigureAwait(false))
        {
            var state = view.Status is { } status ? $"{view.State} ({status.Phase})" : view.State.ToString();
            if (states.TryGetValue(view.InstanceId, out var before) && before == state)
            {
                continue;
            }

            states[view.InstanceId] = state;
            if (view.State != WheelEventState.Planned)
            {
                timeline.Add(clock.GetUtcNow(), "status", $"{view.InstanceId}: {state}");
            }
        }
    }

    private async Task<IReadOnlyList<WheelEventView>> ViewsAsync() =>
        (await services.GetRequiredService<WheelOverview>().ForAsync(options.Network, options.Year).ConfigureAwait(false)).Events;
}
