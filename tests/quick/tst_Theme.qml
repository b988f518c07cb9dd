import QtQuick
import QtTest
import FirstContact

// WCAG 2.1 AA: 4.5:1 for text on its background, 3:1 for large text and focus indicators.
TestCase {
    name: "Theme"

    function channel(c) { return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4) }
    function luminance(colour) {
        return 0.2126 * channel(colour.r) + 0.7152 * channel(colour.g) + 0.0722 * channel(colour.b)
    }
    function contrast(a, b) {
        const la = luminance(a), lb = luminance(b)
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05)
    }

    function test_textPairsMeetAA_data() {
        return [
            { tag: "text on surface", fg: Theme.text, bg: Theme.surface, min: 4.5 },
            { tag: "text on page", fg: Theme.text, bg: Theme.page, min: 4.5 },
            { tag: "secondary text on surface", fg: Theme.secondaryText, bg: Theme.surface, min: 4.5 },
            { tag: "secondary text on page", fg: Theme.secondaryText, bg: Theme.page, min: 4.5 },
            { tag: "white on accent", fg: Theme.textOnAccent, bg: Theme.accent, min: 4.5 },
            { tag: "text on selection", fg: Theme.text, bg: Theme.selection, min: 4.5 },
            { tag: "white on staff-safety banner", fg: Theme.textOnAccent, bg: Theme.danger, min: 4.5 },
            { tag: "overdue text on surface", fg: Theme.dangerStrong, bg: Theme.surface, min: 4.5 },
            { tag: "overdue text on page", fg: Theme.dangerStrong, bg: Theme.page, min: 4.5 },
            { tag: "text on vulnerability banner", fg: Theme.text, bg: Theme.warning, min: 4.5 },
            { tag: "text on access-needs banner", fg: Theme.text, bg: Theme.info, min: 4.5 },
            { tag: "online text on surface", fg: Theme.success, bg: Theme.surface, min: 4.5 },
            { tag: "offline text on surface", fg: Theme.offline, bg: Theme.surface, min: 4.5 },
            { tag: "white on the top bar", fg: Theme.textOnAccent, bg: Theme.text, min: 4.5 },
            { tag: "focus outline against surface", fg: Theme.text, bg: Theme.surface, min: 3 },
            { tag: "focus fill against its outline", fg: Theme.focus, bg: Theme.text, min: 3 },
        ]
    }
    function test_textPairsMeetAA(data) {
        const ratio = contrast(data.fg, data.bg)
        verify(ratio >= data.min, data.tag + ": " + ratio.toFixed(2) + ":1 < " + data.min + ":1")
    }

    function test_sizesFollowTheSystemFont() {
        verify(Theme.baseSize > 0)
        verify(Theme.titleSize > Theme.headingSize)
        verify(Theme.headingSize > Theme.baseSize)
        verify(Theme.smallSize < Theme.baseSize)
    }
}
