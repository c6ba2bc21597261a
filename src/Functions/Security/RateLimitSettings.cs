namespace Workflows.Functions.Security;

/// <summary>The limits of <see cref="LinkRateLimits"/> (section <c>RateLimits</c>).</summary>
public sealed class RateLimitSettings
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "RateLimits";

    /// <summary>Requests to emailed-link pages one client address may make per window. Default 120.</summary>
    public int LinkRequests { get; set; } = 120;

    /// <summary>Dashboard sign-in attempts one client address may make per window. Default 10.</summary>
    public int SignInAttempts { get; set; } = 10;

    /// <summary>The window the counts are over. Default one minute.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
