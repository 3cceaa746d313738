pub mod gc;
pub mod number;
pub mod string;
#[cfg(test)]
mod tests {
    mod number_node;
}
