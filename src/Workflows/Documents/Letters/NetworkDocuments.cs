using Workflows.Documents.Pdf;
using Workflows.Messaging;
using Workflows.Network;
using Workflows.Signing;
using Workflows.Templates;

namespace Workflows.Documents.Letters;

/// <summary>
/// Renders a nurse's documents as PDF in the network's language: the welcome letter, the function description, and
/// the function description with its signature page once all three have signed.
/// </summary>
public static class NetworkDocuments
{
    /// <summary>The welcome letter to a new resource nurse.</summary>
    public static byte[] WelcomeLetter(IPdfRenderer renderer, NurseContext parties, DateTimeOffset date)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        ArgumentNullException.ThrowIfNull(parties);
        var text = ContentFiles.Read<WelcomeLetterText>("welcome-letter", parties.Network);
        var model = new Dictionary<string, object?>
        {
            ["nurse"] = parties.Nurse.Name,
            ["unit"] = parties.Unit.Name,
            ["leader"] = parties.NearestLeader.Name,
            ["network"] = parties.Network.Name,
            ["networkLeader"] = parties.Network.NetworkLeader.Name,
            ["basicCourse"] = !parties.Nurse.HasFurtherEducation,
        };
        using var pdf = renderer.Begin(text.Title, parties.Network.Name, date);
        pdf.Note(parties.Network.Name).Note(NorwegianDates.Day(date)).Space(8).Title(text.Title).Paragraph(TextTemplates.Render(text.Greeting, model));
        foreach (var paragraph in text.Paragraphs)
        {
            pdf.Paragraph(TextTemplates.Render(paragraph, model));
        }

        pdf.Space(6).Paragraph(text.Closing).Paragraph(TextTemplates.Render(text.Signature, model));
        return pdf.ToArray();
    }

    /// <summary>The function description for the nurse, as the three signers read it before signing.</summary>
    public static byte[] FunctionDescription(IPdfRenderer renderer, NurseContext parties, DateTimeOffset date)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        ArgumentNullException.ThrowIfNull(parties);
        var text = Letters.FunctionDescriptionText.Of(parties.Network);
        using var pdf = renderer.Begin(text.Title, parties.Network.Name, date);
        WriteFunctionDescription(pdf, text, parties, date);
        return pdf.ToArray();
    }

    /// <summary>
    /// The function description followed by a signature page naming each signer, role, time, address and browser,
    /// and the SHA-256 of the unsigned PDF they were shown (<paramref name="signedContentSha256"/>).
    /// </summary>
    public static byte[] SignedFunctionDescription(
        IPdfRenderer renderer, NurseContext parties, DateTimeOffset date, IReadOnlyList<Signature> signatures, string signedContentName, string signedContentSha256)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        ArgumentNullException.ThrowIfNull(parties);
        ArgumentNullException.ThrowIfNull(signatures);
        var text = Letters.FunctionDescriptionText.Of(parties.Network);
        var words = NorwegianWords.For(parties.Network.Language);
        var labels = text.SignaturePage;
        using var pdf = renderer.Begin(text.Title, parties.Network.Name, date);
        WriteFunctionDescription(pdf, text, parties, date);
        pdf.PageBreak().Title(labels.Title).Paragraph(labels.Intro);
        foreach (var signature in signatures)
        {
            pdf.Rule()
                .Row(labels.Role, words.SignerRole(signature.Role))
                .Row(labels.Name, signature.Name)
                .Row(labels.SignedAt, NorwegianDates.DayAndTime(signature.SignedAt.UtcDateTime, seconds: true))
                .Row(labels.Address, signature.IpAddress)
                .Row(labels.UserAgent, signature.UserAgent);
        }

        pdf.Rule().Row(labels.Content, signedContentName).Row(labels.Sha256, signedContentSha256).Space(4).Paragraph(text.Statement);
        return pdf.ToArray();
    }

    private static void WriteFunctionDescription(IPdfWriter pdf, FunctionDescriptionText text, NurseContext parties, DateTimeOffset date)
    {
        var words = NorwegianWords.For(parties.Network.Language);
        pdf.Note(parties.Network.Name).Title(text.Title)
            .Row(words.SignerRole(SignerRole.Nurse), parties.Nurse.Name ?? string.Empty)
            .Row(parties.Network.Language == NetworkLanguage.Nynorsk ? "Eining" : "Enhet", $"{parties.Unit.Name}, {parties.Unit.Municipality}")
            .Row(words.SignerRole(SignerRole.NearestLeader), parties.NearestLeader.Name)
            .Row(words.SignerRole(SignerRole.NetworkLeader), parties.Network.NetworkLeader.Name)
            .Row("Startdato", NorwegianDates.Day(parties.Nurse.StartDate))
            .Note(NorwegianDates.Day(date))
            .Rule();
        foreach (var section in text.Sections)
        {
            pdf.Heading(section.Heading);
            foreach (var paragraph in section.Paragraphs ?? [])
            {
                pdf.Paragraph(paragraph);
            }

            foreach (var bullet in section.Bullets ?? [])
            {
                pdf.Bullet(bullet);
            }
        }

        pdf.Space(8).Paragraph(text.Statement, emphasis: true);
    }
}
