using System.Security.Cryptography;
using UglyToad.PdfPig;
using Workflows.Adapters.Pdf;
using Workflows.Documents.Letters;
using Workflows.Network;
using Workflows.Signing;
using Workflows.Tests.Support;

namespace Workflows.Tests.Documents.Letters;

public sealed class NetworkDocumentsTests
{
    private static readonly SkiaPdfRenderer Pdf = new();
    private static readonly DateTimeOffset Date = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Function_description_names_the_parties_and_lists_the_duties_in_Bokmal()
    {
        var text = TextOf(NetworkDocuments.FunctionDescription(Pdf, SampleNetwork.Parties(), Date));

        Assert.Contains("Siri Sykepleier", text);
        Assert.Contains("Hjemmesykepleien Øst", text);
        Assert.Contains("Lars Leder", text);
        Assert.Contains("Nina Nettverksleder", text);
        Assert.Contains("Ressurssykepleieren forplikter seg til å", text);
        Assert.Contains("introduksjonskurset og grunnkurset", text);
        Assert.Contains("2. mars 2026", text);
    }

    [Fact]
    public void A_Nynorsk_network_gets_its_function_description_and_letter_in_Nynorsk()
    {
        var parties = SampleNetwork.Parties(NetworkLanguage.Nynorsk);

        var description = TextOf(NetworkDocuments.FunctionDescription(Pdf, parties, Date));
        var letter = TextOf(NetworkDocuments.WelcomeLetter(Pdf, parties, Date));

        Assert.Contains("Ressurssjukepleiaren forpliktar seg til å", description);
        Assert.Contains("Nærmaste leiar", description);
        Assert.Contains("Velkomen som ressurssjukepleiar", letter);
        Assert.Contains("grunnkurs i palliasjon", letter);
        Assert.DoesNotContain("ressurssykepleier", letter, StringComparison.Ordinal);
    }

    [Fact]
    public void Welcome_letter_mentions_the_basic_course_only_without_further_education()
    {
        var parties = SampleNetwork.Parties();
        var withoutEducation = TextOf(NetworkDocuments.WelcomeLetter(Pdf, parties, Date));
        var withEducation = TextOf(NetworkDocuments.WelcomeLetter(Pdf, parties with { Nurse = parties.Nurse with { HasFurtherEducation = true } }, Date));

        Assert.Contains("Hei Siri Sykepleier,", withoutEducation);
        Assert.Contains("grunnkurs i palliasjon", withoutEducation);
        Assert.DoesNotContain("grunnkurs i palliasjon", withEducation);
    }

    [Fact]
    public void Signed_function_description_ends_with_a_signature_page_holding_signers_times_and_hash()
    {
        var parties = SampleNetwork.Parties();
        var unsigned = NetworkDocuments.FunctionDescription(Pdf, parties, Date);
        var sha = Convert.ToHexStringLower(SHA256.HashData(unsigned));
        Signature[] signatures =
        [
            new(SignerRole.Nurse, "Siri Sykepleier", Date.AddDays(1), "10.0.0.1", "Mozilla/5.0 (Test)"),
            new(SignerRole.NearestLeader, "Lars Leder", Date.AddDays(2), "10.0.0.2", "Mozilla/5.0 (Test)"),
            new(SignerRole.NetworkLeader, "Nina Nettverksleder", Date.AddDays(3).AddHours(5), "10.0.0.3", "Mozilla/5.0 (Test)"),
        ];

        var signed = NetworkDocuments.SignedFunctionDescription(Pdf, parties, Date, signatures, "funksjonsbeskrivelse.pdf", sha);

        using var pdf = PdfDocument.Open(signed);
        var last = string.Join(' ', pdf.GetPage(pdf.NumberOfPages).GetWords().Select(w => w.Text));
        Assert.Contains("Signaturside", last);
        Assert.Contains("Nærmeste leder", last);
        Assert.Contains("Lars Leder", last);
        Assert.Contains("5. mars 2026 kl. 15:00:00", last);
        Assert.Contains("10.0.0.3", last);
        Assert.Contains(sha[..20], last.Replace(" ", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public void Rendering_the_same_content_twice_gives_the_same_bytes()
    {
        var parties = SampleNetwork.Parties();

        Assert.Equal(NetworkDocuments.FunctionDescription(Pdf, parties, Date), NetworkDocuments.FunctionDescription(Pdf, parties, Date));
        Assert.Equal(NetworkDocuments.WelcomeLetter(Pdf, parties, Date), NetworkDocuments.WelcomeLetter(Pdf, parties, Date));
    }

    private static string TextOf(byte[] pdfBytes)
    {
        using var pdf = PdfDocument.Open(pdfBytes);
        return string.Join('\n', pdf.GetPages().Select(p => string.Join(' ', p.GetWords().Select(w => w.Text))));
    }
}
