using Workflows.Templates;

namespace Workflows.Tests.Templates;

public sealed class TextTemplatesTests
{
    [Fact]
    public void ARender_SeesOnlyItsOwnModel_NotWhatAnEarlierRenderAssigned()
    {
        Assert.Equal("Kari", TextTemplates.Render("{% assign said = name %}{{ said }}", new Dictionary<string, object?> { ["name"] = "Kari" }));

        Assert.ThrowsAny<Exception>(() => TextTemplates.Render("{{ said }}", new Dictionary<string, object?>()));
    }

    [Fact]
    public void AFailedRender_LeavesNothingBehind_ForTheNextOne()
    {
        const string Source = "Hei {{ name }}";

        Assert.ThrowsAny<Exception>(() => TextTemplates.Render(Source, new Dictionary<string, object?>()));

        Assert.Equal("Hei Kari", TextTemplates.Render(Source, new Dictionary<string, object?> { ["name"] = "Kari" }));
    }

    [Fact]
    public void Html_EncodesEveryString_InTheModel()
    {
        Assert.Equal("&lt;b&gt;Kari&lt;/b&gt;", TextTemplates.RenderHtml("{{ name }}", new Dictionary<string, object?> { ["name"] = "<b>Kari</b>" }));
    }
}
