using System.Globalization;

namespace Workflows.Messaging;

/// <summary>
/// The addresses people reach from emails, written once: the links the domain puts in emails and the host's route
/// table are both made from these, so renaming a page cannot leave old links pointing nowhere.
/// </summary>
public static class PublicRoutes
{
    /// <summary>Signing the function description.</summary>
    public const string Sign = "sign";

    /// <summary>A nearest leader nominating a replacement.</summary>
    public const string Nominate = "nominate";

    /// <summary>Uploading minutes, plans, reports and newsletters.</summary>
    public const string Upload = "upload";

    /// <summary>Registering for a course or subject day.</summary>
    public const string Register = "register";

    /// <summary>Answering the annual reporting or a yearly evaluation.</summary>
    public const string Answer = "answer";

    /// <summary>The working group approving the annual report.</summary>
    public const string Approve = "approve";

    /// <summary>The first segment of a stored document's signed, time-limited link.</summary>
    public const string Documents = "documents";

    /// <summary>The first segment of a published annual report's public address.</summary>
    public const string Reports = "reports";

    /// <summary>Every page reached through a tokened link, each answering <c>GET</c> and <c>POST /{purpose}/{token}</c>.</summary>
    public static IReadOnlyList<string> LinkPages { get; } = [Sign, Nominate, Upload, Register, Answer, Approve];

    /// <summary>The route template of a tokened link page, <c>/{purpose}/{token}</c>.</summary>
    public static string LinkPageTemplate(string purpose) => $"/{purpose}/{{token}}";

    /// <summary>The path, relative to the public base address, of a tokened link.</summary>
    public static string LinkPagePath(string purpose, string token) => $"{purpose}/{Uri.EscapeDataString(token)}";

    /// <summary>The route template of a document link: the key may hold slashes.</summary>
    public static string DocumentTemplate => $"/{Documents}/{{**key}}";

    /// <summary>The route template of a published annual report.</summary>
    public static string ReportTemplate => $"/{Reports}/{{networkId}}/{{year:int}}";

    /// <summary>The path, relative to the public base address, of a published annual report.</summary>
    public static string ReportPath(string networkId, int year) => string.Create(CultureInfo.InvariantCulture, $"{Reports}/{networkId}/{year}");
}
