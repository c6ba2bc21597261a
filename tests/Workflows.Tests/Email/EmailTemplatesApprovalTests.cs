using System.Text;
using Workflows.Email;
using Workflows.Network;
using Workflows.TestSupport;

namespace Workflows.Tests.Email;

/// <summary>Every email in both languages, as a nurse or leader reads it: subject, text and HTML, approved word for word.</summary>
public sealed class EmailTemplatesApprovalTests
{
    private static readonly string TemplateFolder = Path.Combine(RepositoryRoot.Path, "src", "Workflows", "Email", "Templates", "nb");

    public static TheoryData<string, NetworkLanguage> Emails()
    {
        var data = new TheoryData<string, NetworkLanguage>();
        foreach (var template in Directory.GetFiles(TemplateFolder, "*.liquid").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal))
        {
            data.Add(template!, NetworkLanguage.Bokmal);
            data.Add(template!, NetworkLanguage.Nynorsk);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Emails))]
    public void Email_reads_as_approved(string template, NetworkLanguage language)
    {
        var email = EmailTemplates.Compose(template, language, language == NetworkLanguage.Nynorsk ? "Kompetansenettverket i Helse Førde" : "Kompetansenettverket Ahus", Model());

        var text = new StringBuilder()
            .Append("Subject: ").Append(email.Subject).Append("\n\n")
            .Append(email.TextBody).Append("\n--- html ---\n")
            .Append(email.HtmlBody).Append('\n')
            .ToString();
        Approvals.Verify("tests/Workflows.Tests/Email/Approved", $"{(language == NetworkLanguage.Nynorsk ? "nn" : "nb")}.{template}", text);
    }

    [Fact]
    public void Every_email_exists_in_both_languages()
    {
        var nynorsk = Path.Combine(RepositoryRoot.Path, "src", "Workflows", "Email", "Templates", "nn");
        Assert.Equal(
            Directory.GetFiles(TemplateFolder, "*.liquid").Select(Path.GetFileName).Order(StringComparer.Ordinal),
            Directory.GetFiles(nynorsk, "*.liquid").Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    /// <summary>One model with every value any email uses, so each email shows all its parts (reminders, locations, agendas).</summary>
    private static Dictionary<string, object?> Model() => new(StringComparer.Ordinal)
    {
        ["recipient"] = "Kari Nordmann",
        ["nurse"] = "Kari Nordmann",
        ["leader"] = "Lars Leder",
        ["networkLeader"] = "Nina Nettverksleder",
        ["unit"] = "Lørenskog sykehjem",
        ["area"] = "Nedre Romerike",
        ["role"] = "nærmeste leder",
        ["title"] = "Fagdag i palliasjon",
        ["what"] = "referatet fra lokalgruppesamlingen",
        ["when"] = "tirsdag 13. oktober 2026",
        ["time"] = "09:00–15:30",
        ["location"] = "Ahus, Nordbyhagen",
        ["link"] = "https://kompetansenettverk.example/sign/TOKEN",
        ["url"] = "https://kompetansenettverk.example/reports/ahus/2025",
        ["strategyUrl"] = "https://nettverk.example/strategi",
        ["competencePlanUrl"] = "https://nettverk.example/kompetanseplan",
        ["eLearningUrl"] = "https://nettverk.example/e-laering",
        ["reminder"] = 1,
        ["reminders"] = 2,
        ["due"] = "20. oktober 2026",
        ["deadline"] = "20. oktober 2026",
        ["endDate"] = "31. desember 2026",
        ["waitingFor"] = "nærmeste leder",
        ["year"] = 2025,
        ["subject"] = "Fagdag i palliasjon",
        ["sharedWith"] = "lederne i området",
        ["reportedBy"] = "ressurssykepleieren selv",
        ["replacement"] = "Per Hansen",
        ["rate"] = "87",
        ["answered"] = 26,
        ["expected"] = 30,
        ["place"] = 2,
        ["capacity"] = 40,
        ["introCourse"] = "3. desember 2026",
        ["basicCourse"] = true,
        ["basicCourseTime"] = "19. januar 2027",
        ["agenda"] = new[] { "Velkommen", "Smertelindring i livets slutt", "Erfaringsdeling" },
    };
}
