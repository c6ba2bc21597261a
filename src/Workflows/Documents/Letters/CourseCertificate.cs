using Workflows.Documents.Pdf;
using Workflows.Network;
using Workflows.Wheel.Events;
using Workflows.Wheel.Plan;

namespace Workflows.Documents.Letters;

/// <summary>The certificate a participant gets after a course or subject day, in the network's language.</summary>
public static class CourseCertificate
{
    /// <summary>Renders the certificate for <paramref name="participant"/>; dated the course's last day, so a retry gives the same bytes.</summary>
    public static byte[] Render(IPdfRenderer renderer, CompetenceNetwork network, WheelOccurrence course, string participant)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(course);
        var nynorsk = network.Language == NetworkLanguage.Nynorsk;
        const string title = "Kursbevis";
        using var pdf = renderer.Begin(title, network.Name, course.Ends);
        pdf.Note(network.Name).Space(24).Title(title).Space(12)
            .Paragraph(participant, emphasis: true)
            .Paragraph(nynorsk
                ? $"har delteke på {course.Title}, {WheelMail.When(course)}, kl. {WheelMail.Time(course)}{(course.Location is null ? string.Empty : $", {course.Location}")}."
                : $"har deltatt på {course.Title}, {WheelMail.When(course)}, kl. {WheelMail.Time(course)}{(course.Location is null ? string.Empty : $", {course.Location}")}.")
            .Space(24)
            .Paragraph(network.NetworkLeader.Name)
            .Note(nynorsk ? "Nettverksleiar" : "Nettverksleder");
        return pdf.ToArray();
    }
}
