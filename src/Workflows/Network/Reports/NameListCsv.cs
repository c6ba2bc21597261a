using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Workflows.Network.Reports;

/// <summary>
/// Writes a name list as CSV for Excel in Norway: semicolon-separated, UTF-8 with a byte-order mark so æ, ø and å
/// survive, headers in the network's language.
/// </summary>
public static class NameListCsv
{
    private static readonly string[] BokmalHeaders =
        ["Id", "Navn", "E-post", "Telefon", "Område", "Enhet", "Type enhet", "Kommune", "Nærmeste leder", "Leders e-post",
         "Videreutdanning", "Startdato", "Sluttdato", "Status", "Introkurs", "Grunnkurs", "E-læring", "Funksjonsbeskrivelse signert"];

    private static readonly string[] NynorskHeaders =
        ["Id", "Namn", "E-post", "Telefon", "Område", "Eining", "Type eining", "Kommune", "Nærmaste leiar", "Leiaren si e-post",
         "Vidareutdanning", "Startdato", "Sluttdato", "Status", "Introduksjonskurs", "Grunnkurs", "E-læring", "Funksjonsskildring signert"];

    /// <summary>The CSV file's bytes.</summary>
    public static byte[] Write(IEnumerable<NameListRow> rows, NetworkLanguage language)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";", InjectionOptions = InjectionOptions.Escape };
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        using (var csv = new CsvWriter(writer, configuration))
        {
            foreach (var header in language == NetworkLanguage.Nynorsk ? NynorskHeaders : BokmalHeaders)
            {
                csv.WriteField(header);
            }

            csv.NextRecord();
            var words = NorwegianWords.For(language);
            foreach (var row in rows)
            {
                foreach (var field in Fields(row, words))
                {
                    csv.WriteField(field);
                }

                csv.NextRecord();
            }
        }

        return buffer.ToArray();
    }

    private static IEnumerable<string?> Fields(NameListRow row, NorwegianWords words) =>
    [
        row.NurseId, row.Name, row.Email, row.Phone, row.AreaName, row.UnitName, words.UnitKind(row.UnitKind), row.Municipality,
        row.NearestLeader?.Name, row.NearestLeader?.Email, row.HasFurtherEducation ? words.Yes : words.No,
        Day(row.StartDate), Day(row.EndDate), words.Status(row.Status), Day(row.IntroCourseCompleted), Day(row.BasicCourseCompleted),
        Day(row.ELearningCompleted), row.FunctionDescriptionSigned is { } signed ? Day(DateOnly.FromDateTime(signed.UtcDateTime)) : null,
    ];

    private static string? Day(DateOnly? day) => day?.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
}
