using Workflows.Email;

namespace Workflows.Adapters.Email;

/// <summary>An SMTP server to send through (optional; SendGrid is the production choice).</summary>
public sealed class SmtpOptions
{
    /// <summary>The server's host name.</summary>
    public required string Host { get; init; }

    /// <summary>The port: 587 with STARTTLS by default.</summary>
    public int Port { get; init; } = 587;

    /// <summary>Whether to require TLS (STARTTLS or implicit on 465).</summary>
    public bool UseTls { get; init; } = true;

    /// <summary>The user name, when the server wants one.</summary>
    public string? UserName { get; init; }

    /// <summary>The password.</summary>
    public string? Password { get; init; }

    /// <summary>The sender.</summary>
    public required EmailAddress From { get; init; }
}
