namespace Workflows.Functions.Hosting;

/// <summary>The network domain's settings (section <c>Workflows</c>).</summary>
public sealed class NetworkWorkflowSettings
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Workflows";

    /// <summary>The secret signing the links in emails; generated into the data directory when empty.</summary>
    public string? LinkSecret { get; set; }

    /// <summary>Months after a resignation's end date before the nurse's personal data is deleted.</summary>
    public int RetentionMonths { get; set; } = 12;

    /// <summary>Adds the three networks of the source documents to an empty registry at start.</summary>
    public bool SeedNetworks { get; set; } = true;

    /// <summary>Where the registry lives: <c>Sqlite</c> (default, under the data directory) or <c>AzureStorage</c> (Tables).</summary>
    public string RegistryStore { get; set; } = "Sqlite";

    /// <summary>The table holding the registry when it lives in Azure Storage.</summary>
    public string RegistryTable { get; set; } = "Registry";

    /// <summary>A folder of calendar files (<c>{network}.yaml</c>) replacing or joining the shipped ones; none when empty.</summary>
    public string? CalendarDirectory { get; set; }

    /// <summary>When the wheel turns: six-field CRON in Europe/Oslo (06:00 daily); empty turns the timer off.</summary>
    public string? WheelTickSchedule { get; set; } = "0 0 6 * * *";

    /// <summary>How email leaves: <c>Outbox</c> (default, .eml files), <c>SendGrid</c> or <c>Smtp</c>.</summary>
    public string EmailProvider { get; set; } = "Outbox";

    /// <summary>The SendGrid API key (from Key Vault through an app-setting reference in Azure).</summary>
    public string? SendGridApiKey { get; set; }

    /// <summary>The SendGrid API's address (a local listener in tests).</summary>
    public Uri SendGridEndpoint { get; set; } = new("https://api.sendgrid.com/");

    /// <summary>The SMTP host when the provider is Smtp.</summary>
    public string? SmtpHost { get; set; }

    /// <summary>The SMTP port.</summary>
    public int SmtpPort { get; set; } = 587;

    /// <summary>Whether SMTP requires TLS (STARTTLS, or implicit TLS on port 465); off only for a local relay.</summary>
    public bool SmtpUseTls { get; set; } = true;

    /// <summary>The SMTP user.</summary>
    public string? SmtpUserName { get; set; }

    /// <summary>The SMTP password.</summary>
    public string? SmtpPassword { get; set; }
}
