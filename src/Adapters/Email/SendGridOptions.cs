using Workflows.Email;

namespace Workflows.Adapters.Email;

/// <summary>How to reach SendGrid: the API key (from configuration or Key Vault) and the sender.</summary>
public sealed class SendGridOptions
{
    /// <summary>The API key, sent as a bearer token.</summary>
    public required string ApiKey { get; init; }

    /// <summary>The verified sender address.</summary>
    public required EmailAddress From { get; init; }

    /// <summary>The API's address; a local listener in tests.</summary>
    public Uri Endpoint { get; init; } = new("https://api.sendgrid.com/");
}
