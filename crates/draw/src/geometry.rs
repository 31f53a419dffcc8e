//! Plane geometry used by the layout, the label placer and the quality
//! report.

use serde::Serialize;

/// A point (px or layout units).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct P {
    /// x, growing to the right.
    pub x: f64,
    /// y, growing downwards (SVG).
    pub y: f64,
}

impl P {
    /// A point.
    pub fn new(x: f64, y: f64) -> P {
        P { x, y }
    }

    /// Euclidean distance.
    pub fn dist(self, o: P) -> f64 {
        ((self.x - o.x).powi(2) + (self.y - o.y).powi(2)).sqrt()
    }
}

/// An axis-aligned rectangle.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Rect {
    /// Left.
    pub x0: f64,
    /// Top.
    pub y0: f64,
    /// Right.
    pub x1: f64,
    /// Bottom.
    pub y1: f64,
}

impl Rect {
    /// A rectangle from its top-left corner and size.
    pub fn new(x: f64, y: f64, w: f64, h: f64) -> Rect {
        Rect {
            x0: x,
            y0: y,
            x1: x + w,
            y1: y + h,
        }
    }

    /// Whether the interiors of two rectangles overlap.
    pub fn overlaps(&self, o: &Rect) -> bool {
        self.x0 < o.x1 && o.x0 < self.x1 && self.y0 < o.y1 && o.y0 < self.y1
    }

    /// Whether the rectangle's interior meets the open disc.
    pub fn meets_circle(&self, c: P, r: f64) -> bool {
        let nx = c.x.clamp(self.x0, self.x1);
        let ny = c.y.clamp(self.y0, self.y1);
        (nx - c.x).powi(2) + (ny - c.y).powi(2) < r * r
    }

    /// Whether the segment `a–b` passes through the rectangle.
    pub fn meets_segment(&self, a: P, b: P) -> bool {
        let inside = |p: P| p.x > self.x0 && p.x < self.x1 && p.y > self.y0 && p.y < self.y1;
        if inside(a) || inside(b) {
            return true;
        }
        let c = [
            P::new(self.x0, self.y0),
            P::new(self.x1, self.y0),
            P::new(self.x1, self.y1),
            P::new(self.x0, self.y1),
        ];
        (0..4).any(|k| segments_cross(a, b, c[k], c[(k + 1) % 4]))
    }

    /// The union of two rectangles.
    pub fn union(&self, o: &Rect) -> Rect {
        Rect {
            x0: self.x0.min(o.x0),
            y0: self.y0.min(o.y0),
            x1: self.x1.max(o.x1),
            y1: self.y1.max(o.y1),
        }
    }
}

fn orient(a: P, b: P, c: P) -> f64 {
    (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)
}

/// Whether segments `a–b` and `c–d` cross at a point interior to both
/// (touching ends and collinear overlaps do not count).
pub fn segments_cross(a: P, b: P, c: P, d: P) -> bool {
    let d1 = orient(c, d, a);
    let d2 = orient(c, d, b);
    let d3 = orient(a, b, c);
    let d4 = orient(a, b, d);
    ((d1 > 0.0 && d2 < 0.0) || (d1 < 0.0 && d2 > 0.0))
        && ((d3 > 0.0 && d4 < 0.0) || (d3 < 0.0 && d4 > 0.0))
}

/// Convex hull (Andrew's monotone chain), counter-clockwise in a y-up
/// sense, without collinear points. Fewer than three distinct points are
/// returned as they are (deduplicated).
pub fn convex_hull(points: &[P]) -> Vec<P> {
    let mut p: Vec<P> = points.to_vec();
    p.sort_by(|a, b| a.x.total_cmp(&b.x).then(a.y.total_cmp(&b.y)));
    p.dedup_by(|a, b| (a.x - b.x).abs() < 1e-9 && (a.y - b.y).abs() < 1e-9);
    if p.len() < 3 {
        return p;
    }
    let mut lower: Vec<P> = Vec::new();
    for &q in &p {
        while lower.len() >= 2 && orient(lower[lower.len() - 2], lower[lower.len() - 1], q) <= 0.0 {
            lower.pop();
        }
        lower.push(q);
    }
    let mut upper: Vec<P> = Vec::new();
    for &q in p.iter().rev() {
        while upper.len() >= 2 && orient(upper[upper.len() - 2], upper[upper.len() - 1], q) <= 0.0 {
            upper.pop();
        }
        upper.push(q);
    }
    lower.pop();
    upper.pop();
    lower.extend(upper);
    lower
}

/// Distance from `q` to the segment `a–b`.
pub fn point_segment_distance(q: P, a: P, b: P) -> f64 {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let len2 = dx * dx + dy * dy;
    if len2 <= 0.0 {
        return q.dist(a);
    }
    let t = (((q.x - a.x) * dx + (q.y - a.y) * dy) / len2).clamp(0.0, 1.0);
    q.dist(P::new(a.x + t * dx, a.y + t * dy))
}

/// Distance from `q` to a convex polygon (0 inside). A polygon of one or two
/// points is a point or a segment.
pub fn distance_to_polygon(q: P, poly: &[P]) -> f64 {
    match poly.len() {
        0 => f64::INFINITY,
        1 => q.dist(poly[0]),
        2 => point_segment_distance(q, poly[0], poly[1]),
        n => {
            let sign = orient(poly[0], poly[1], poly[2]).signum();
            let inside = (0..n).all(|k| orient(poly[k], poly[(k + 1) % n], q) * sign >= 0.0);
            if inside {
                return 0.0;
            }
            (0..n)
                .map(|k| point_segment_distance(q, poly[k], poly[(k + 1) % n]))
                .fold(f64::INFINITY, f64::min)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crossing_and_hull() {
        let a = P::new(0.0, 0.0);
        let b = P::new(2.0, 2.0);
        assert!(segments_cross(a, b, P::new(0.0, 2.0), P::new(2.0, 0.0)));
        assert!(!segments_cross(a, b, P::new(2.0, 2.0), P::new(3.0, 0.0)));
        let h = convex_hull(&[a, b, P::new(2.0, 0.0), P::new(0.0, 2.0), P::new(1.0, 1.0)]);
        assert_eq!(h.len(), 4);
        assert_eq!(distance_to_polygon(P::new(1.0, 1.0), &h), 0.0);
        assert!((distance_to_polygon(P::new(3.0, 1.0), &h) - 1.0).abs() < 1e-12);
        let r = Rect::new(0.0, 0.0, 2.0, 1.0);
        assert!(r.meets_circle(P::new(2.5, 0.5), 0.6));
        assert!(!r.meets_circle(P::new(2.5, 0.5), 0.4));
        assert!(r.meets_segment(P::new(-1.0, 0.5), P::new(3.0, 0.5)));
    }
}
