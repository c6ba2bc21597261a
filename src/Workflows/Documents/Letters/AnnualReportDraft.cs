using System.Globalization;
using Workflows.Documents.Pdf;
using Workflows.Network;
using Workflows.Network.Reports;
using Workflows.Wheel.Surveys;

namespace Workflows.Documents.Letters;

/// <summary>
/// The working group's draft of the annual report, from the year's figures: the network in numbers, coverage by
/// area, courses completed and the annual reporting's answers, with the response rate by area as a chart.
/// </summary>
public static class AnnualReportDraft
{
    /// <summary>The figures the draft is made from.</summary>
    /// <param name="Year">The year reported on.</param>
    /// <param name="ActiveNurses">Active resource nurses at the close.</param>
    /// <param name="IntroCompleted">Nurses who completed the intro course that year.</param>
    /// <param name="BasicCompleted">Nurses who completed the basic course that year.</param>
    /// <param name="Coverage">Units with a resource nurse at the close.</param>
    /// <param name="Survey">The annual reporting's answers.</param>
    public sealed record Figures(int Year, int ActiveNurses, int IntroCompleted, int BasicCompleted, CoverageReport Coverage, SurveySummary Survey);

    /// <summary>Renders the draft; dated the close, so a retry gives the same bytes.</summary>
    public static byte[] Render(IPdfRenderer renderer, CompetenceNetwork network, Figures figures, DateTimeOffset closedAt)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(figures);
        var nn = network.Language == NetworkLanguage.Nynorsk;
        var title = "Utkast til årsrapport " + figures.Year.ToString(CultureInfo.InvariantCulture);
        string N(int n) => n.ToString(CultureInfo.InvariantCulture);
        string Percent(double p) => string.Create(CultureInfo.InvariantCulture, $"{p:0} %");
        var survey = figures.Survey;
        var nurseAnswers = survey.Areas.Sum(a => a.Answered);
        using var pdf = renderer.Begin(title, network.Name, closedAt);
        pdf.Note(network.Name).Title(title)
            .Paragraph(nn
                ? "Utkastet er laga av tala i registeret og svara på den årlege rapporteringa. Arbeidsgruppa skriv vurderingane og godkjenner rapporten."
                : "Utkastet er laget av tallene i registeret og svarene på den årlige rapporteringen. Arbeidsgruppen skriver vurderingene og godkjenner rapporten.")
            .Heading(nn ? "Nettverket i tal" : "Nettverket i tall")
            .Row(nn ? "Aktive ressurssjukepleiarar" : "Aktive ressurssykepleiere", N(figures.ActiveNurses))
            .Row(nn ? "Einingar med ressurssjukepleiar" : "Enheter med ressurssykepleier", $"{N(figures.Coverage.CoveredUnits)} / {N(figures.Coverage.Units)}")
            .Row("Fullført introduksjonskurs", N(figures.IntroCompleted))
            .Row("Fullført grunnkurs", N(figures.BasicCompleted))
            .Heading("Dekning etter område")
            .BarChart([.. figures.Coverage.ByArea.Select(a => (a.Name, a.Units == 0 ? 0.0 : 100.0 * a.CoveredUnits / a.Units))], 100, "%")
            .Heading(nn ? "Årleg rapportering" : "Årlig rapportering")
            .Row("Svar", $"{N(survey.Answered)} / {N(survey.Expected)} ({Percent(survey.Rate)})")
            .Row("Møte om arbeidsplanen", N(survey.WorkPlanMeetings))
            .Row(nn ? "Undervisning av kollegaer" : "Undervisning av kolleger", N(survey.Teaching))
            .Paragraph("Svarprosent etter område:")
            .BarChart([.. survey.Areas.Select(a => (a.AreaName, a.Rate))], 100, "%");
        if (nurseAnswers == 0)
        {
            pdf.Note("Ingen svar kom inn før fristen.");
        }

        return pdf.ToArray();
    }
}
