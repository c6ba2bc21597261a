using System.Security.Cryptography;
using System.Text;
using Workflows.Documents;
using Workflows.Documents.Letters;
using Workflows.Documents.Pdf;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflows.Email;
using Workflows.Messaging;
using Workflows.Network;
using Workflows.Wheel.Calendar;
using Workflows.Wheel.Events;
using Workflows.Wheel.Plan;
using Workflows.Steps;

namespace Workflows.Wheel.Courses.Activities;

/// <summary>
/// Sends each participant the operator marked present a certificate (kept in the document store), and records the
/// intro or basic course as completed on a resource nurse's record.
/// </summary>
public sealed class IssueCertificates(NetworkRegistry registry, CourseRosters rosters, IDocumentStore documents, IPdfRenderer pdfRenderer, NetworkMail mail) : KeyedActivity<WheelOccurrence, int>
{
    /// <inheritdoc />
    protected override async Task<int> RunAsync(ActivityCall context, WheelOccurrence input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var network = (await registry.GetAsync<CompetenceNetwork>(input.NetworkId).ConfigureAwait(false)).Entity;
        var roster = await rosters.GetAsync(input.InstanceId).ConfigureAwait(false);
        var nurses = await registry.ListAsync<ResourceNurse>(input.NetworkId).ConfigureAwait(false);
        var actor = $"orchestration:{context.InstanceId}";
        var registered = roster.Seated.Concat(roster.Waitlist).DistinctBy(r => r.Email, StringComparer.OrdinalIgnoreCase).ToDictionary(r => r.Email, StringComparer.OrdinalIgnoreCase);
        var nursesByEmail = nurses.Where(n => n.Email is not null).DistinctBy(n => n.Email, StringComparer.OrdinalIgnoreCase).ToDictionary(n => n.Email!, StringComparer.OrdinalIgnoreCase);
        var issued = 0;

        // Each certificate is a PDF of its own (most of the time here goes to laying it out), so they are made side by side.
        await Parallel.ForEachAsync(roster.Attended, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, async (email, cancellation) =>
        {
            var name = registered.GetValueOrDefault(email)?.Name ?? email;
            var certificate = CourseCertificate.Render(pdfRenderer, network, input, name);

            // Keyed by a hash of the address: no names in document keys.
            var key = $"{input.NetworkId}/arshjul/{input.Year}/{input.EventId}/kursbevis/{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email.ToLowerInvariant())))[..16]}.pdf";
            await documents.PutAsync(key, certificate, "application/pdf", cancellation: cancellation).ConfigureAwait(false);
            var person = new Person(name, email);
            await mail.SendAsync(
                context, network, "course-certificate", [person], WheelMail.Model(input, network, person),
                attachments: [new EmailAttachment("kursbevis.pdf", "application/pdf", certificate)], keySuffix: WheelMail.KeyFor(person), cancellation: cancellation).ConfigureAwait(false);
            if (nursesByEmail.GetValueOrDefault(email) is { } nurse && input.Kind is WheelEventKind.IntroCourse or WheelEventKind.BasicCourse)
            {
                await registry.ChangeAsync<ResourceNurse>(
                    nurse.Id,
                    n => input.Kind == WheelEventKind.IntroCourse ? n with { IntroCourseCompleted = n.IntroCourseCompleted ?? input.LastDate } : n with { BasicCourseCompleted = n.BasicCourseCompleted ?? input.LastDate },
                    actor,
                    cancellation: cancellation).ConfigureAwait(false);
            }

            Interlocked.Increment(ref issued);
        }).ConfigureAwait(false);

        return issued;
    }
}
