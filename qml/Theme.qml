pragma Singleton
import QtQuick

// Colours and sizes in one place. Every text/background pair meets WCAG 2.1 AA (4.5:1 for text,
// 3:1 for large text and focus outlines); the ratios are noted beside each pair and checked by
// tests/quick/tst_Theme.qml. Sizes follow the system font, so text scales with the desktop setting.
QtObject {
    readonly property color page: "#f3f2f1"          // window background
    readonly property color surface: "#ffffff"       // cards
    readonly property color text: "#0b0c0c"          // on surface 20.4:1, on page 18.3:1
    readonly property color secondaryText: "#505a5f" // on surface 7.0:1, on page 6.3:1
    readonly property color border: "#b1b4b6"
    readonly property color accent: "#1d70b8"       // links, selection; white text on it 5.2:1
    readonly property color textOnAccent: "#ffffff"
    readonly property color selection: "#d2e2f1"     // selected row; text on it 15.9:1
    readonly property color focus: "#ffdd00"         // focus ring fill, outlined in text colour (3:1+)
    readonly property color danger: "#d4351c"        // staff-safety banner; white text 4.5:1
    readonly property color dangerStrong: "#942514"  // overdue text on surface 8.4:1
    readonly property color warning: "#fff2cc"       // vulnerability banner; text on it 17.9:1
    readonly property color warningBorder: "#b58800"
    readonly property color info: "#e8f1f8"          // access-needs banner; text on it 18.6:1
    readonly property color success: "#00703c"       // online; white text 5.9:1, on surface 5.9:1
    readonly property color offline: "#6f3c00"       // offline text on surface 8.6:1

    readonly property real baseSize: Qt.application.font.pixelSize > 0 ? Qt.application.font.pixelSize : 14
    readonly property real smallSize: Math.round(baseSize * 0.9)
    readonly property real titleSize: Math.round(baseSize * 1.5)
    readonly property real headingSize: Math.round(baseSize * 1.2)
    readonly property real spacing: Math.round(baseSize * 0.6)
    readonly property real padding: Math.round(baseSize)
    readonly property real radius: 4
}
