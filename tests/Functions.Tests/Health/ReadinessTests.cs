using System.Net;
using System.Text.Json;
using Workflows.Functions.Tests.Support;

namespace Workflows.Functions.Tests.Health;

/// <summary>The readiness probe: open, 200 when the stores answer, the calendars are read and email is configured; 503 naming what is not.</summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task Ready_with_embedded_defaults()
    {
        await using var factory = new HostFactory();
        using var anonymous = factory.CreateClient();

        var response = await anonymous.GetAsync("/api/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Equal(["calendars", "email", "stores"], body.GetProperty("checks").EnumerateObject().Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.All(body.GetProperty("checks").EnumerateObject(), c => Assert.Equal("Healthy", c.Value.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Not_ready_when_SendGrid_has_no_key()
    {
        await using var factory = new HostFactory { Settings = new Dictionary<string, string> { ["Workflows:EmailProvider"] = "SendGrid" } };
        using var anonymous = factory.CreateClient();

        var response = await anonymous.GetAsync("/api/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var email = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("checks").GetProperty("email");
        Assert.Equal("Unhealthy", email.GetProperty("status").GetString());
        Assert.Contains("SendGridApiKey", email.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/health")).StatusCode);
    }
}
