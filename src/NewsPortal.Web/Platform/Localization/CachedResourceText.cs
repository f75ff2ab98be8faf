using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Localization;

namespace NewsPortal.Web.Platform.Localization;

/// <summary>
/// The resource-file localizers, with each text kept once read. A page asks for dozens of texts, and the resource
/// manager's lookup (a lock and a search of the culture's resource sets each time) cost more than the rest of writing
/// them. The resources are compiled into the assembly, so a text read once never changes.
/// </summary>
public sealed class CachedResourceTextFactory(ResourceManagerStringLocalizerFactory resources) : IStringLocalizerFactory
{
    private readonly ConcurrentDictionary<Type, IStringLocalizer> _byType = new();
    private readonly ConcurrentDictionary<(string, string), IStringLocalizer> _byName = new();

    public IStringLocalizer Create(Type resourceSource) =>
        _byType.GetOrAdd(resourceSource, type => new CachedResourceText(resources.Create(type)));

    public IStringLocalizer Create(string baseName, string location) =>
        _byName.GetOrAdd((baseName, location), key => new CachedResourceText(resources.Create(key.Item1, key.Item2)));
}

/// <summary>One resource's texts, kept per culture as they are read (see <see cref="CachedResourceTextFactory"/>).</summary>
public sealed class CachedResourceText(IStringLocalizer inner) : IStringLocalizer
{
    /// <summary>Texts are asked for by literal names in the code, so the set is small; the bound guards against a name that is not.</summary>
    private const int MaxTexts = 10_000;

    private readonly ConcurrentDictionary<(string Culture, string Name), LocalizedString> _texts = new();

    public LocalizedString this[string name]
    {
        get
        {
            var key = (CultureInfo.CurrentUICulture.Name, name);
            if (_texts.TryGetValue(key, out var text))
            {
                return text;
            }

            text = inner[name];
            if (_texts.Count < MaxTexts)
            {
                _texts.TryAdd(key, text);
            }

            return text;
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var format = this[name];
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, format.Value, arguments), format.ResourceNotFound, format.SearchedLocation);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);
}
