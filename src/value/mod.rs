pub mod gc;
pub mod string;
