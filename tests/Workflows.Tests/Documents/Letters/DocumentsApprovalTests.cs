using System.Security.Cryptography;
using UglyToad.PdfPig;
using Workflows.Adapters.Pdf;
using Workflows.Documents.Letters;
using Workflows.Network;
using Workflows.Network.Reports;
using Workflows.Signing;
using Workflows.TestSupport;
using Workflows.Tests.Support;
using Workflows.Wheel.Calendar;
using Workflows.Wheel.Surveys;

namespace Workflows.Tests.Documents.Letters;

/// <summary>
/// Each PDF a person receives, in both languages, read back as text (page by page, line by line) and approved word for
/// word: a wording change, a lost line or a moved signature shows as a diff.
/// </summary>
public sealed class DocumentsApprovalTests
{
    private static readonly SkiaPdfRenderer Pdf = new();
    private static readonly DateTimeOffset Date = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static TheoryData<NetworkLanguage> Languages => new(NetworkLanguage.Bokmal, NetworkLanguage.Nynorsk);

    [Theory]
    [MemberData(nameof(Languages))]
    public void Welcome_letter_reads_as_approved(NetworkLanguage language) =>
        Verify("welcome-letter", language, NetworkDocuments.WelcomeLetter(Pdf, SampleNetwork.Parties(language), Date));

    [Theory]
    [MemberData(nameof(Languages))]
    public void Function_description_reads_as_approved(NetworkLanguage language) =>
        Verify("function-description", language, NetworkDocuments.FunctionDescription(Pdf, SampleNetwork.Parties(language), Date));

    [Theory]
    [MemberData(nameof(Languages))]
    public void Signed_function_description_reads_as_approved(NetworkLanguage language)
    {
        var parties = SampleNetwork.Parties(language);
        var sha = Convert.ToHexStringLower(SHA256.HashData(NetworkDocuments.FunctionDescription(Pdf, parties, Date)));
        Signature[] signatures =
        [
            new(SignerRole.Nurse, "Siri Sykepleier", Date.AddDays(1), "192.0.2.1", "Mozilla/5.0 (Test)"),
            new(SignerRole.NearestLeader, "Lars Leder", Date.AddDays(2), "192.0.2.2", "Mozilla/5.0 (Test)"),
            new(SignerRole.NetworkLeader, "Nina Nettverksleder", Date.AddDays(3), "192.0.2.3", "Mozilla/5.0 (Test)"),
        ];

        Verify("signed-function-description", language, NetworkDocuments.SignedFunctionDescription(Pdf, parties, Date, signatures, "funksjonsbeskrivelse.pdf", sha));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Course_certificate_reads_as_approved(NetworkLanguage language)
    {
        var course = SampleNetwork.Occurrence(
            WheelEventKind.BasicCourse, "Grunnkurs i palliasjon", new DateOnly(2026, 11, 10), [Audience.BasicCourseNurses], days: 2, location: "Førde sentralsjukehus");

        Verify("course-certificate", language, CourseCertificate.Render(Pdf, SampleNetwork.Network(language: language), course, "Siri Sykepleier"));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Annual_report_draft_reads_as_approved(NetworkLanguage language)
    {
        var coverage = new CoverageReport(
            "testnett", new DateOnly(2026, 10, 31), 12, 9, [],
            [new CoverageGroup("Testkommune", "Testkommune", 12, 9, 14)],
            [new CoverageGroup("nord", "Nord", 5, 5, 7), new CoverageGroup("sor", "Sør", 7, 4, 7)]);
        var survey = new SurveySummary(30, 24, [new SurveyAreaRate("nord", "Nord", 14, 13), new SurveyAreaRate("sor", "Sør", 16, 11)], 10, 31);
        var figures = new AnnualReportDraft.Figures(2026, 14, 4, 3, coverage, survey);

        Verify("annual-report-draft", language, AnnualReportDraft.Render(Pdf, SampleNetwork.Network(language: language), figures, Date));
    }

    private static void Verify(string document, NetworkLanguage language, byte[] pdfBytes)
    {
        using var pdf = PdfDocument.Open(pdfBytes);
        var pages = pdf.GetPages().Select(page => $"--- page {page.Number} ---\n" + string.Join('\n', Lines(page)));
        Approvals.Verify("tests/Workflows.Tests/Documents/Letters/Approved", $"{(language == NetworkLanguage.Nynorsk ? "nn" : "nb")}.{document}", string.Join('\n', pages) + "\n");
    }

    /// <summary>The page's words grouped into lines by their baseline, top to bottom, left to right.</summary>
    private static IEnumerable<string> Lines(UglyToad.PdfPig.Content.Page page) =>
        page.GetWords()
            .GroupBy(w => Math.Round(w.BoundingBox.Bottom))
            .OrderByDescending(line => line.Key)
            .Select(line => string.Join(' ', line.OrderBy(w => w.BoundingBox.Left).Select(w => w.Text)));
}
