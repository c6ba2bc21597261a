using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Workflows.Documents;

namespace Workflows.Adapters.Tests.Documents;

/// <summary>The document store contract, written once and run against the folder store and the Blob store alike.</summary>
public abstract class DocumentStoreConformance : IAsyncLifetime
{
    protected DocumentStoreConformance(DateTimeOffset start) => Clock = new FakeTimeProvider(start);

    protected FakeTimeProvider Clock { get; }

    protected IDocumentStore Store { get; private set; } = null!;

    public async Task InitializeAsync() => Store = await CreateStoreAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    protected abstract Task<IDocumentStore> CreateStoreAsync();

    protected static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    protected async Task<List<StoredDocument>> ListAsync(string prefix)
    {
        var listed = new List<StoredDocument>();
        await foreach (var document in Store.ListAsync(prefix))
        {
            listed.Add(document);
        }

        return listed;
    }

    [Fact]
    public async Task Put_ThenGet_RoundTripsContentTypeNorwegianMetadataAndSha256()
    {
        var content = Bytes("%PDF-1.7 funksjonsbeskrivelse, signert av sykepleier, nærmeste leder og nettverksleder");

        var stored = await Store.PutAsync("ahus/nurses/42/funksjonsbeskrivelse.pdf", content, "application/pdf",
            new Dictionary<string, string> { ["signers"] = "Åse Ødegård; Bjørn Æsøy" }, immutable: true);
        var (document, read) = (await Store.GetAsync("ahus/nurses/42/funksjonsbeskrivelse.pdf"))!.Value;

        Assert.Equal(content, read);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), document.Sha256);
        Assert.Equal("Åse Ødegård; Bjørn Æsøy", document.Metadata["signers"]);
        Assert.Equal(stored with { Metadata = document.Metadata }, document);
        Assert.Equal(("application/pdf", content.Length, true), (document.ContentType, document.Length, document.Immutable));
        Assert.Equal(Clock.GetUtcNow().ToUnixTimeMilliseconds(), document.CreatedAt.ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task Put_SameContentAgain_IsANoOp_SoRetriedActivitiesAreSafe()
    {
        var first = await Store.PutAsync("a/welcome.pdf", Bytes("x"), "application/pdf", immutable: true);
        Clock.Advance(TimeSpan.FromHours(1));

        var again = await Store.PutAsync("a/welcome.pdf", Bytes("x"), "application/pdf", immutable: true);

        Assert.Equal(first.CreatedAt, again.CreatedAt);
    }

    [Fact]
    public async Task Put_OtherContentOverAnImmutableDocument_IsRefused_AndTheOriginalStays()
    {
        await Store.PutAsync("a/signed.pdf", Bytes("original"), "application/pdf", immutable: true);

        await Assert.ThrowsAsync<DocumentConflictException>(() => Store.PutAsync("a/signed.pdf", Bytes("forged"), "application/pdf", immutable: true));
        await Assert.ThrowsAsync<DocumentConflictException>(() => Store.PutAsync("a/signed.pdf", Bytes("forged"), "application/pdf"));

        Assert.Equal(Bytes("original"), (await Store.GetAsync("a/signed.pdf"))!.Value.Content);
    }

    [Fact]
    public async Task Put_OtherContentOverAMutableDocument_ReplacesIt()
    {
        await Store.PutAsync("a/draft.pdf", Bytes("v1"), "application/pdf");

        await Store.PutAsync("a/draft.pdf", Bytes("v2"), "application/pdf");

        Assert.Equal(Bytes("v2"), (await Store.GetAsync("a/draft.pdf"))!.Value.Content);
    }

    [Fact]
    public async Task Put_ADraftThenItsSignedVersion_KeepsOnlyTheSignedOne_WhichIsThenFinal()
    {
        await Store.PutAsync("a/promote.pdf", Bytes("draft"), "application/pdf");

        await Store.PutAsync("a/promote.pdf", Bytes("signed"), "application/pdf", immutable: true);
        await Assert.ThrowsAsync<DocumentConflictException>(() => Store.PutAsync("a/promote.pdf", Bytes("later"), "application/pdf"));

        var (document, content) = (await Store.GetAsync("a/promote.pdf"))!.Value;
        Assert.Equal(Bytes("signed"), content);
        Assert.True(document.Immutable);
        Assert.Equal(["a/promote.pdf"], (await ListAsync("a/promote")).Select(d => d.Key));
    }

    [Fact]
    public async Task List_ByPrefix_InKeyOrder_SignedAndDraftAlike()
    {
        await Store.PutAsync("innlandet/nurses/2/welcome.pdf", Bytes("w2"), "application/pdf");
        await Store.PutAsync("innlandet/nurses/1/signed.pdf", Bytes("s1"), "application/pdf", immutable: true);
        await Store.PutAsync("innlandet/reports/2026.pdf", Bytes("r"), "application/pdf");

        var listed = await ListAsync("innlandet/nurses/");

        Assert.Equal(["innlandet/nurses/1/signed.pdf", "innlandet/nurses/2/welcome.pdf"], listed.Select(d => d.Key));
        Assert.Equal([true, false], listed.Select(d => d.Immutable));
        Assert.All(listed, d => Assert.Equal(64, d.Sha256.Length));
    }

    [Fact]
    public async Task Get_Missing_IsNull()
    {
        Assert.Null(await Store.GetAsync("nobody/none.pdf"));
    }

    [Theory]
    [InlineData("../escape.pdf")]
    [InlineData("/absolute.pdf")]
    [InlineData("a//b.pdf")]
    [InlineData("a/../b.pdf")]
    [InlineData("a/b.pdf.meta.json")]
    [InlineData("with space.pdf")]
    [InlineData("")]
    public async Task Put_BadKey_IsRefused(string key)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.PutAsync(key, Bytes("x"), "text/plain"));
    }
}
