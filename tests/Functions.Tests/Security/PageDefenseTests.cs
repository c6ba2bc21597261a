using System.Net;
using Workflows.Functions.Security;
using Workflows.Functions.Tests.Support;

namespace Workflows.Functions.Tests.Security;

public sealed class PageDefenseTests
{
    [Theory]
    [InlineData("/sign/not-a-token")]
    [InlineData("/register/not-a-token")]
    [InlineData("/dashboard/login")]
    [InlineData("/api/health")]
    public async Task EveryResponse_CarriesTheSecurityHeaders(string path)
    {
        using var factory = new HostFactory();
        using var http = factory.CreateClient();

        using var response = await http.GetAsync(path);

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task EmailedLinkPages_AreRateLimitedPerClient_With429AndRetryAfter()
    {
        using var factory = new HostFactory { Settings = new Dictionary<string, string> { ["RateLimits:LinkRequests"] = "3", ["RateLimits:Window"] = "01:00:00" } };
        using var http = factory.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await http.GetAsync($"/answer/guess-{i}")).StatusCode);
        }

        using var refused = await http.GetAsync("/sign/guess-4");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);

        // The operator API is not limited by the link pages' count.
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await http.GetAsync("/api/health")).StatusCode);
    }

    [Fact]
    public async Task DashboardSignIn_IsRateLimited()
    {
        using var factory = new HostFactory { Settings = new Dictionary<string, string> { ["RateLimits:SignInAttempts"] = "2", ["RateLimits:Window"] = "01:00:00" } };
        using var http = factory.CreateClient();

        for (var i = 0; i < 2; i++)
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await http.PostAsync("/dashboard/login", new FormUrlEncodedContent([new("key", "wrong")]))).StatusCode);
        }

        using var refused = await http.PostAsync("/dashboard/login", new FormUrlEncodedContent([new("key", "wrong")]));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.Contains("Retry-After"));

        // Reading the sign-in page is not an attempt.
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/dashboard/login")).StatusCode);
    }
}
